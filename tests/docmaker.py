"""Builders for article files that tests write into tmp_path (no fixtures on disk)."""

from __future__ import annotations


def make_pdf(lines, width_pts=None):
    """A real one-page PDF whose text layer holds `lines` (CJK included): a Type0
    font with Identity-H codes = Unicode code points and a ToUnicode map."""
    chars = sorted({c for ln in lines for c in ln})
    body = ["BT /F1 10 Tf 40 800 Td 14 TL"]
    for ln in lines:
        body.append("<" + "".join(f"{ord(c):04X}" for c in ln) + "> Tj T*")
    body.append("ET")
    content = "\n".join(body).encode("ascii")
    cmap_entries = [f"<{ord(c):04X}> <{ord(c):04X}>" for c in chars]
    blocks = []
    for i in range(0, len(cmap_entries), 100):
        chunk = cmap_entries[i:i + 100]
        blocks.append(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar")
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + "\n".join(blocks) +
            "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend").encode("ascii")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    return _pdf(objs)


def _pdf(objs: list[bytes]) -> bytes:
    """A PDF file from its numbered objects (1 = catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def make_empty_pdf() -> bytes:
    """A valid one-page PDF without any text (what a scanned page looks like to us)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    return _pdf(objs)


SIMPLIFIED = (
    "date 2025-04-10 蒙古国与智利签署铜矿技术协议\n\n"
    "蒙古国矿业部与智利国家铜业公司在乌兰巴托签署技术合作协议，双方将共同建设一座铜精矿选矿厂，总投资约6.5亿美元。\n\n"
    "根据协议，选矿厂计划于2027年投产，年处理矿石能力为1200万吨，可为当地创造约3000个就业岗位。\n"
)
TRADITIONAL = (
    "date 2025-02-01 烏茲別克與秘魯農業合作\n\n"
    "烏茲別克斯坦與秘魯兩國簽署農業合作協議，雙方同意共建棉花研究中心，總投資約8億美元。\n\n"
    "協議規定，研究中心將於2028年投入使用，每年可培訓約500名農業技術人員。\n"
)


_LONG_HEAD = """date 2025-10-20 蒙古国与哈萨克斯坦打通跨境物流新通道

蒙古国与哈萨克斯坦两国交通部长日前在阿斯塔纳举行会谈，签署了关于建设跨境物流走廊的政府间协议。根据协议，双方将共同开通一条经由俄罗斯阿尔泰地区连接两国的铁路货运线路，并同步升级沿线口岸设施。

协议明确，两国之间的首趟跨境货运班列计划于2027年3月开通，全程约2100公里，设计年运量为500万吨，主要运输煤炭、铜精矿、粮食和日用消费品。项目总投资约32亿美元，由两国政府与亚洲开发银行共同出资。

蒙古国交通部长在会后表示，蒙古国是内陆国家，长期依赖单一出海通道，新走廊将使蒙古国货物经哈萨克斯坦进入里海港口，运输时间可缩短约四成。

哈萨克斯坦方面指出，这条线路将把哈萨克斯坦东部的工业城市与蒙古国西部的矿区连接起来，预计每年可为哈萨克斯坦带来约1.8亿美元的过境运输收入。

口岸建设与通关便利

为配合班列开通，两国将在边境新建一座联合检查站，实行“一次申报、一次查验、一次放行”的通关模式。海关部门估计，货物平均通关时间将从目前的36小时缩短至6小时以内。

双方还同意建立电子运单互认系统，并在乌兰巴托和阿拉木图分别设立物流协调中心，负责班列调度、信息共享和纠纷处理。
"""

_PLACES = ["科布多省", "巴彦乌列盖省", "乌布苏省", "扎布汗省", "戈壁阿尔泰省", "后杭爱省", "东戈壁省", "南戈壁省",
           "肯特省", "色楞格省", "东哈萨克斯坦州", "阿拜州", "巴甫洛达尔州", "卡拉干达州", "阿克莫拉州", "阿拉木图州"]
_GOODS = ["羊绒制品", "乳制品", "建筑钢材", "小麦", "化肥", "农业机械", "光伏组件", "医疗器械"]
_TEMPLATES = [
    "在{p}，地方政府计划新建{a}座物流仓储中心，总面积约{b}万平方米。{p}负责人表示，仓储中心建成后，{g}的外运成本有望下降{c}%，到{y}年可新增就业岗位{d}个。",
    "{p}的企业代表认为，物流条件改善将带动{g}出口。据当地商会统计，去年{p}{g}出口额约为{b}00万美元，企业希望在{y}年前把这一数字提高{c}%。",
    "根据规划，{p}将修建一条长约{d}公里的公路支线，与主干铁路站点相连。项目预计于{y}年完工，届时{g}运抵车站的时间将缩短{c}个小时。",
    "专家指出，{p}的优势在于土地成本较低、劳动力充足。当地已有{b}家企业表示有意参与{g}的加工和转运业务，并计划在{y}年前投入约{d}万美元更新设备。",
]


def long_article() -> str:
    """An article of about 5,000 Chinese characters: a hand-written core with
    one fact per paragraph, then regional detail paragraphs (varied numbers)."""
    import random

    rng = random.Random(5)
    paras = []
    i = 0
    text = _LONG_HEAD
    while sum(1 for c in text + "".join(paras) if "\u4e00" <= c <= "\u9fff") < 5000:
        p = _PLACES[i % len(_PLACES)]
        t = _TEMPLATES[(i // len(_PLACES) + i) % len(_TEMPLATES)]
        paras.append(t.format(p=p, g=rng.choice(_GOODS), a=rng.randint(2, 9), b=rng.randint(11, 95), c=rng.randint(10, 40),
                              d=rng.randint(120, 980), y=rng.randint(2029, 2033)))
        i += 1
    return text + "\n地方的期待\n\n" + "\n\n".join(paras) + "\n"


def many_articles(n: int, paragraphs: int = 12) -> list[tuple[str, str]]:
    """`n` distinct articles for bulk adds; article k names the project code QX-<k>."""
    import random

    rng = random.Random(n)
    out = []
    for k in range(n):
        place = _PLACES[k % len(_PLACES)]
        body = [f"date 2025-{k % 12 + 1:02d}-{k % 27 + 1:02d} {place}物流项目进展第{k}期", "",
                f"{place}的物流项目代号为QX-{k:03d}，一期工程投资约{k + 3}亿坚戈，计划于{2026 + k % 5}年完工。", ""]
        for i in range(paragraphs - 1):
            t = _TEMPLATES[(i + k) % len(_TEMPLATES)]
            body += [t.format(p=_PLACES[(k + i) % len(_PLACES)], g=rng.choice(_GOODS), a=rng.randint(2, 9), b=rng.randint(11, 95),
                              c=rng.randint(10, 40), d=rng.randint(120, 980), y=rng.randint(2029, 2033)), ""]
        out.append((f"bulk_{k:03d}.txt", "\n".join(body)))
    return out
