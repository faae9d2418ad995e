"""The chat's Search tab: ranked paragraphs for words or a phrase
(qa.search.find through Chat.search), filtered by article and date, each
result openable in a reader at its paragraph. Built inside app.py's Blocks."""

from __future__ import annotations

ALL = "__all__"  # the article filter's "every article" choice
K_CHOICES = [10, 20, 50]


def article_filter_choices(articles) -> list[tuple[str, str]]:
    return [("All articles / 全部文章", ALL)] + [(f"{a['title']} ({a['date'] or 'undated'})", a["doc"]) for a in articles]


def build_search_tab(gr, chat, refuse_note):
    """Components and events of the tab; returns the article filter, which
    every page load refreshes with the library (see app.py's on_load)."""
    from qa.errors import QAError
    from qa.web.views import md_text, reader_html, search_html

    with gr.Row():
        query = gr.Textbox(placeholder="Words or a phrase: TRIPP, 哈萨克斯坦 小麦, Chinese investment…", show_label=False,
                           scale=5, elem_id="qa-search-input", max_lines=1)
        go = gr.Button("Search / 搜索", variant="primary", scale=1, elem_id="qa-search-go")
    with gr.Row():
        article = gr.Dropdown(article_filter_choices(chat.articles()), value=ALL, label="Article", elem_id="qa-search-article", scale=3)
        since = gr.Textbox(label="From (date)", placeholder="2025-09-01", elem_id="qa-search-since", scale=1, max_lines=1)
        until = gr.Textbox(label="To (date)", placeholder="2025-12-31", elem_id="qa-search-until", scale=1, max_lines=1)
        k = gr.Dropdown(K_CHOICES, value=20, label="Results", elem_id="qa-search-k", scale=1)
    note = gr.Markdown(elem_id="qa-search-note")
    with gr.Row():
        with gr.Column(scale=3):
            results_html = gr.HTML(search_html([], ""), elem_id="qa-search-results")
        with gr.Column(scale=2):
            pick = gr.Dropdown([], label="Open a result in its article", value=None, elem_id="qa-search-pick")
            reader = gr.HTML(reader_html([]), elem_id="qa-search-reader")
    found = gr.State([])

    def run(q, doc, frm, to, n):
        q = " ".join(str(q or "").split())
        if not q:
            return search_html([], ""), "", gr.update(choices=[], value=None), []
        try:
            results = chat.search(q, int(n or 20), None if doc in (None, "", ALL) else doc, frm or None, to or None)
        except QAError as e:
            refuse_note("search", str(e))
            return gr.update(), md_text(f"Cannot search: {e}"), gr.update(), gr.update()
        choices = [(f"[{i}] {r.hit.passage.title} ¶{r.hit.passage.para_no}", str(i - 1)) for i, r in enumerate(results, start=1)]
        keep = [(r.hit.passage.doc, r.hit.passage.para_no, r.hit.sentence) for r in results]
        return search_html(results, q), "", gr.update(choices=choices, value=None), keep

    def open_result(i, keep):
        if i in (None, "") or not keep or int(i) >= len(keep):
            return gr.update()
        doc, para, sentence = keep[int(i)]
        return reader_html(chat.article(doc), {para: sentence})

    for ev in (query.submit, go.click):
        ev(run, [query, article, since, until, k], [results_html, note, pick, found], api_visibility="private")
    pick.input(open_result, [pick, found], [reader], api_visibility="private").then(
        None, js="() => { setTimeout(() => { const el = document.querySelector('#qa-search-reader .qa-focus'); if (el) el.scrollIntoView({block: 'center'}); }, 150); }")
    return article
