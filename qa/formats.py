# TEMP STUB (replaced by branch formats)
from pathlib import Path
from qa.errors import InputError
SUPPORTED = (".txt", ".md", ".html", ".htm", ".pdf")
MAX_BYTES = 20 * 1024 * 1024
def read_document(path, max_bytes=MAX_BYTES):
    data = Path(path).read_bytes()
    if not data.strip():
        raise InputError(f"{Path(path).name}: empty file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{Path(path).name}: not UTF-8")
