"""Read one report file (.txt, .html/.htm, .docx, .pdf) into text, as the file carries it.

Every reader turns bytes into (text, title). Text is not normalised here (full-width digits,
line breaks inside sentences etc. are etl/normalise.py's job); the readers only decide how the
structure of a format becomes lines: one paragraph per line, one table row per line with its
cells joined by " | ", PDF pages separated by a blank line.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import lxml.html
import pdfplumber
import trafilatura
from charset_normalizer import from_bytes
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell
from lxml import etree
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from etl.model import RawDocument, ReadError

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".html", ".htm", ".docx", ".pdf"})

CELL_SEPARATOR = " | "


def read_file(path: Path) -> RawDocument:
    """Read a supported file into a RawDocument; raise ReadError with a reason a person understands.

    Library exceptions never escape: the pipeline records the reason per file and goes on.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(f"unsupported file type {suffix or '(no suffix)'}")
    fmt, reader = _READERS[suffix]
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot open the file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise ReadError("empty file")
    try:
        text, title = reader(data)
    except ReadError:
        raise
    except Exception as exc:  # the contract: any failure becomes a reason, never a crash
        raise ReadError(f"cannot read the {fmt} file ({type(exc).__name__}: {exc})") from exc
    return RawDocument(path=path, format=fmt, text=text, title=title)


# ---------------------------------------------------------------- text encodings

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# The encodings Chinese government text comes in; GB18030 decodes GB2312 and GBK as well.
_DETECTABLE = ["utf_8", "gb18030", "utf_16_le", "utf_16_be"]
_GB_LABELS = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936", "csgb2312", "gb_2312-80"}
_LINE_CONTROLS = set("\t\n\r\f\v")
# Files people save under the wrong suffix; PDFs are mostly ASCII and would otherwise decode.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .xlsx document?)"),
    (b"\xd0\xcf\x11\xe0", "an old binary Office document (.doc, .xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)
# Share of control / unassigned / private-use characters above which decoded bytes are not text.
_MAX_JUNK_SHARE = 0.02


def _decode(data: bytes, declared: str | None = None) -> str:
    """Bytes -> text, the encoding detected rather than assumed.

    A BOM decides; then valid UTF-8 (other encodings almost never are by chance); then the
    encoding a page declares; then charset-normalizer, limited to the encodings reports use.
    """
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise ReadError(f"binary data, not text: the file is {kind} (wrong suffix?)")
    text = _decode_by_evidence(data, declared)
    if text is None:
        if _looks_binary(data):
            raise ReadError("binary data, not text")
        raise ReadError("cannot decode text: not UTF-8, UTF-16 or GB18030")
    if _is_junk(text):
        raise ReadError("binary data, not text")
    if not text.strip():
        raise ReadError("empty file (only blank characters)")
    return text


def _decode_by_evidence(data: bytes, declared: str | None) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(f"cannot decode text: it has a {encoding} byte-order mark but is damaged") from exc
    # NUL bytes mean UTF-16 without a BOM, or binary data: leave those to the detector
    if b"\x00" not in data:
        for encoding in filter(None, ("utf-8", declared)):
            with contextlib.suppress(UnicodeDecodeError):
                return data.decode(encoding)
    best = from_bytes(data, cp_isolation=_DETECTABLE).best()
    return None if best is None else str(best)


def _looks_binary(data: bytes) -> bool:
    controls = sum(1 for byte in data if byte < 0x20 and chr(byte) not in _LINE_CONTROLS)
    return b"\x00" in data or controls > len(data) * _MAX_JUNK_SHARE


def _is_junk(text: str) -> bool:
    """NUL characters or a soup of control, unassigned and private-use characters: not text."""
    if "\x00" in text:
        return True
    junk = sum(1 for ch in text if ch not in _LINE_CONTROLS and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"))
    return junk > len(text) * _MAX_JUNK_SHARE


def _read_txt(data: bytes) -> tuple[str, None]:
    return _decode(data), None


# ---------------------------------------------------------------- HTML

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# page chrome; an <article>'s own header and footer are part of the article
_DROPPED_ELEMENTS = etree.XPath(
    "//script|//style|//noscript|//template|//nav"
    "|//header[not(ancestor::article or ancestor::main)]|//footer[not(ancestor::article or ancestor::main)]"
)
_BLOCK_TAGS = frozenset(
    # HTML block elements, and the ones trafilatura's XML output uses (head, list, item, quote)
    "address article aside blockquote caption center dd div dl dt figcaption figure form "
    "h1 h2 h3 h4 h5 h6 hr li main ol p pre section table tbody tfoot thead ul "
    "head list item quote code".split()
)
_BREAK_TAGS = frozenset({"br", "lb"})
_ROW_TAGS = frozenset({"tr", "row"})
_CELL_TAGS = frozenset({"td", "th", "cell"})
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")


def _read_html(data: bytes) -> tuple[str, str | None]:
    markup = _decode(data, declared=_declared_charset(data))
    # Parse the decoded text as UTF-8 bytes: lxml refuses str input that carries an XML encoding
    # declaration, and the page's own charset label must not be applied a second time.
    tree = lxml.html.document_fromstring(markup.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    title = _html_title(tree)
    for element in _DROPPED_ELEMENTS(tree):
        element.drop_tree()
    body = tree.find("body")
    # trafilatura keeps the article; when it finds nothing, all that is left of the body will do
    text = (_article_text(tree) or _render(body)) if body is not None else ""
    if not text:
        raise ReadError("HTML page has no text")
    return text, title


def _declared_charset(data: bytes) -> str | None:
    """GB18030 when a page declares a GB charset in a <meta> tag.

    Pages labelled gb2312 routinely use GBK characters, and GB18030 decodes all three. Other
    labels are left to detection: on a Chinese page an iso-8859-1 label is a template's mistake.
    """
    match = _META_CHARSET.search(data[:4096])
    if match is not None and match.group(1).decode("ascii", "ignore").lower() in _GB_LABELS:
        return "gb18030"
    return None


def _article_text(tree: lxml.html.HtmlElement) -> str:
    """The main content as trafilatura finds it (tables kept), rendered from its XML tree."""
    document = trafilatura.bare_extraction(tree, include_tables=True, include_comments=False, as_dict=False)
    if document is None or document.body is None:
        return ""
    return _render(document.body)


def _html_title(tree: lxml.html.HtmlElement) -> str | None:
    for path in ("head/title", ".//h1"):
        element = tree.find(path)
        if element is not None and (title := _one_line(element.text_content())):
            return title
    return None


def _render(element: etree._Element) -> str:
    """Lines of an HTML tree or of trafilatura's XML tree: a line per block, a line per table row."""
    lines = (_one_line(raw) for raw in "".join(_pieces(element)).split("\n"))
    return "\n".join(line for line in lines if line)


def _pieces(element: etree._Element) -> Iterator[str]:
    tag = _tag(element)
    if tag in _ROW_TAGS:
        cells = [_render(cell).split("\n") for cell in element if _tag(cell) in _CELL_TAGS]
        yield "\n" + "\n".join(_row_lines(cells)) + "\n"
        return
    block = tag in _BLOCK_TAGS
    if block:
        yield "\n"
    if element.text:
        yield _HTML_SPACE.sub(" ", element.text)
    for child in element:
        if isinstance(child.tag, str):  # comments and processing instructions carry no text
            yield from _pieces(child)
        if child.tail:
            yield _HTML_SPACE.sub(" ", child.tail)
    if block or tag in _BREAK_TAGS:
        yield "\n"


def _tag(element: etree._Element) -> str:
    return etree.QName(element).localname.lower() if isinstance(element.tag, str) else ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _row_lines(cells: list[list[str]]) -> list[str]:
    """One table row as lines: non-empty cells joined by " | ".

    Empty cells are left out (merged and padding cells are empty, and they are many). A row with
    a single non-empty cell keeps that cell's own lines: it is a layout table or a caption row.
    """
    filled = [[line for line in cell if line] for cell in cells]
    filled = [cell for cell in filled if cell]
    if len(filled) == 1:
        return filled[0]
    return [CELL_SEPARATOR.join(" ".join(cell) for cell in filled)] if filled else []


# ---------------------------------------------------------------- docx


def _read_docx(data: bytes) -> tuple[str, str | None]:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise ReadError(_docx_problem(data)) from exc
    text = "\n".join(line for line in _docx_lines(document) if line)
    if not text.strip():
        raise ReadError("the .docx document has no text")
    return text, (document.core_properties.title or "").strip() or None


def _docx_problem(data: bytes) -> str:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "not a valid .docx file (it is an old binary Word .doc file; save it as .docx)"
    if zipfile.is_zipfile(io.BytesIO(data)):
        return "not a valid .docx file (the ZIP container holds no Word document)"
    return "not a valid .docx file (the ZIP container is damaged)"


def _docx_lines(container: DocxDocument | _Cell) -> Iterator[str]:
    """Paragraphs and tables in document order; a table row per line, cells joined by " | "."""
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                yield from _row_lines([list(_docx_lines(cell)) for cell in _distinct(row.cells)])
        else:
            yield from (line.strip() for line in block.text.split("\n"))  # a line break is "\n"


def _distinct(cells: tuple[_Cell, ...]) -> list[_Cell]:
    """A row's cells, each once: python-docx repeats a merged cell for every grid column it spans."""
    return [cell for i, cell in enumerate(cells) if i == 0 or cell is not cells[i - 1]]


# ---------------------------------------------------------------- PDF

_CID_CODE = re.compile(r"\(cid:\d+\)")


def _read_pdf(data: bytes) -> tuple[str, str | None]:
    if b"%PDF-" not in data[:1024]:
        raise ReadError("not a PDF file (no %PDF- header)")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
            title = pdf.metadata.get("Title")
    except Exception as exc:  # pdfplumber wraps pdfminer's many exceptions in PdfminerException
        raise ReadError(_pdf_problem(exc)) from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise ReadError("PDF has no text layer (scanned image?)")
    if _unmapped_glyphs(text):
        raise ReadError("PDF text cannot be decoded: its fonts map glyphs to no characters ((cid:N) codes)")
    return text, (title.strip() or None) if isinstance(title, str) else None


def _pdf_problem(exc: Exception) -> str:
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return "PDF is encrypted (password protected)"
    return f"not a valid PDF file (damaged: {str(cause) or type(cause).__name__})"


def _unmapped_glyphs(text: str) -> bool:
    """Mostly "(cid:123)" codes: pdfminer found glyphs but no Unicode mapping for them."""
    codes = len(_CID_CODE.findall(text))
    return codes > 0 and codes >= len("".join(_CID_CODE.sub("", text).split()))


_READERS: dict[str, tuple[str, Callable[[bytes], tuple[str, str | None]]]] = {
    ".txt": ("txt", _read_txt),
    ".html": ("html", _read_html),
    ".htm": ("html", _read_html),
    ".docx": ("docx", _read_docx),
    ".pdf": ("pdf", _read_pdf),
}
