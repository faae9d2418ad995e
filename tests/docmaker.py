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
