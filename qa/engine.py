"""The read side in one object: open an index, ask.

`Engine.open(settings)` loads (or, on first use, builds) the index;
`engine.ask(question)` returns an `Answer`. The CLI, the chat and the
evaluation all go through here, so they cannot disagree.
"""

from __future__ import annotations

from qa.answer.compare import combine, sides
from qa.answer.choose import choose, placed_event
from qa.answer.constraints import FIGURES, mentions
from qa.answer.decide import Answer, decide
from qa.errors import IndexMissingError, InputError, StaleIndexError
from qa.index.backends import open_backend
from qa.index.build import build_index, current_files
from qa.index.contract import Store
from qa.index.store import check_manifest
from qa.ingest.journal import journal_pending
from qa.models import reader as span_reader
from qa.models.encoders import get_encoder
from qa.question import AnswerType, Question, analyze
from qa.search.retrieve import Retriever
from qa.settings import Settings
from qa.text import transliterate

MAX_QUESTION_CHARS = 2000


class Engine:
    def __init__(self, index: Store, settings: Settings):
        self.index = index
        self.settings = settings
        self.encoders = {n: get_encoder(n) for n in settings.encoders}
        self.retriever = Retriever(index, self.encoders, settings)

    @classmethod
    def open(cls, settings: Settings, build_if_missing: bool = True, check_corpus: bool = True, progress=None) -> "Engine":
        backend = open_backend(settings)
        try:
            backend.read_manifest()
        except IndexMissingError:
            if not build_if_missing:
                raise
            build_index(settings, progress)
        index = backend.load()
        _check_loaded(index.manifest, settings, check_corpus)
        return cls(index, settings)

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(self.index.articles)

    def warm(self, wait: bool = True) -> None:
        """Load every model's fastest engine, and the reader, now rather than at
        the first question (see E5Encoder): for processes that answer many
        questions. Commands that never read (`qa search`) do not load the reader."""
        for enc in self.encoders.values():
            if hasattr(enc, "warm"):
                enc.warm(wait)
        loading = span_reader.preload()
        transliterate.prepare()  # while the reader loads: the first English question naming someone does not wait for it
        if wait:
            loading.join()

    def ask(self, question: str, k: int | None = None) -> Answer:
        q = analyze(validate_question(question))
        parts = sides(q)
        if parts:  # a comparison: each partner's figure, each cited
            return combine(q, parts, [self._answer(p, k, side=True) for p in parts])
        return self._answer(q, k)

    def _answer(self, q: Question, k: int | None, side: bool = False) -> Answer:
        k = k or self.settings.k
        hits = self.retriever.search(q, k)
        missing = self.retriever.missing(q)
        answer = decide(q, hits, missing, reader=span_reader.shared(), side=side)
        if q.answer_type is AnswerType.PLACE and not missing and (answer.abstained or answer.kind == "sentence"):
            # Where the best passages place no such event, a paragraph further down
            # may ("亚阿两国…在华盛顿签署和平协议" ranks low for an English question
            # about Baku and Yerevan): it is read first, the others after it.
            deeper = self.retriever.search(q, DEEPER * k)
            placed = placed_event(q, deeper[k:])
            if placed is not None:
                again = decide(q, [deeper[k + placed.rank], *hits[: k - 1]], missing, reader=span_reader.shared(), side=side)
                if again.answer == placed.span:  # (only the place found there: not another reading of the others)
                    return again
        if q.indicator and q.countries and q.answer_type.value in FIGURES and not missing and answer.abstained and answer.confidence == 0.0:
            # A figure of an indicator asked, and the best passages hold none that
            # passes the checks: the words around the figure may have ranked other
            # paragraphs first ("2024 turnover — what figure is cited ahead of the
            # state visit?" finds the visit's paragraphs). A passage further down
            # whose clause passes every check is read first; shown only if the
            # answer stage then answers from it.
            deeper = self.retriever.search(q, DEEPER * k)
            # (The countries are checked there with the article's context; any
            # other name asked, a company or a city, must be in the passage itself.)
            others = [e for e in q.entities if e not in q.countries]
            found = next((h for h in deeper[k:] if all(mentions(e, h.passage.text) for e in others) and choose(q, [h])[0] is not None), None)
            if found is not None:
                again = decide(q, [found, *hits[: k - 1]], missing, reader=span_reader.shared(), side=side)
                if not again.abstained:
                    return again
        return answer


DEEPER = 3  # how many times k passages a second look (an event's place, a figure) reads


def _check_loaded(manifest, settings: Settings, check_corpus: bool) -> None:
    """The loaded version must match the encoders and either the corpus or
    the corpus with the journal applied (an add in flight, or one whose
    writer was killed after its swap)."""
    if not check_corpus:
        check_manifest(manifest, settings.encoders, {d: f["sha256"] for d, f in manifest.files.items()}, settings.index_dir)
        return
    try:
        check_manifest(manifest, settings.encoders, current_files(settings.corpus_dir, settings.index_dir, staged=False, known=manifest.files), settings.index_dir)
    except StaleIndexError:
        if not journal_pending(settings.corpus_dir):
            raise
        check_manifest(manifest, settings.encoders, current_files(settings.corpus_dir, settings.index_dir, staged=True, known=manifest.files), settings.index_dir)


def validate_question(question) -> str:
    if not isinstance(question, str) or not question.strip():
        raise InputError("the question is empty; type a question about the articles")
    question = " ".join(question.split())
    if len(question) > MAX_QUESTION_CHARS:
        raise InputError(f"the question is {len(question)} characters long; keep it under {MAX_QUESTION_CHARS} (one question at a time)")
    return question
