"""Decoding a file's bytes: UTF-8 first, then what the bytes say they are, then a guess that
is only taken when it is a good one.

Newsrooms hand factlint files saved by Word or old CMS exports: UTF-16 with a byte-order
mark, Windows-1252 (curly quotes as bytes 0x93/0x94). They used to be an F001 ("cannot
decode as UTF-8") and went unlinted. In order:

1. a byte-order mark names the encoding (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. valid UTF-8 is UTF-8;
3. bytes that are *mostly* UTF-8 (valid multi-byte sequences with a bad byte among them)
   are a damaged UTF-8 file, not another encoding: an F001 that names the byte and where
   it is, rather than a mojibake guess;
4. otherwise charset-normalizer (a maintained detector, the one ``requests`` uses) picks
   the encoding; among the candidates it ranks equal, Windows-1252 wins, the commonest
   legacy encoding of English and Western European news (its ranking alone takes cp1250
   for "naïve" and reads it "naďve"). Binary data, or text no encoding explains, is an
   F001 that says so.

Offsets, lines and columns are in code points of the decoded text, as for UTF-8.
``--fix`` writes only files that are UTF-8 (linter/fix.py).
"""

from __future__ import annotations

import codecs

from .text import LazyPattern

BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# a well-formed UTF-8 sequence of two to four bytes (not a lone byte of another encoding)
_UTF8_MULTIBYTE = LazyPattern(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
PREFERRED = "cp1252"


def decode(data: bytes) -> tuple[str | None, str, str | None]:
    """``(text, encoding, None)``, or ``(None, "", why it cannot be decoded)``. A leading
    BOM is not part of the text."""
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                return None, "", f"cannot decode as {_label(name)} (it starts with that byte-order mark): {exc.reason} at byte {exc.start}"
            return text.removeprefix("\ufeff"), _label(name), None
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        first = exc
    where = _where(data, first.start)
    if _mostly_utf8(data):
        return None, "", (f"not valid UTF-8: byte 0x{data[first.start]:02x} at {where} in a file that is "
                          f"otherwise UTF-8 (a damaged file, or text pasted from another encoding)")
    encoding = _detect(data)
    if encoding is None:
        return None, "", (f"cannot decode: not UTF-8 (byte 0x{data[first.start]:02x} at {where}) and no text "
                          f"encoding fits it (binary?); if it is text, convert it to UTF-8")
    try:
        return data.decode(encoding), encoding, None
    except (UnicodeDecodeError, LookupError):
        return None, "", f"cannot decode: not UTF-8 (byte 0x{data[first.start]:02x} at {where}); looks like {encoding}: convert it to UTF-8"


def _detect(data: bytes) -> str | None:
    """charset-normalizer's encoding for ``data`` (Windows-1252 among equals), or None."""
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if (match.percent_chaos, match.percent_coherence) != (best.percent_chaos, best.percent_coherence):
            break
        if PREFERRED in match.could_be_from_charset:
            return PREFERRED
    return best.encoding


def _mostly_utf8(data: bytes) -> bool:
    """Most non-ASCII bytes form well-formed UTF-8 sequences: a UTF-8 file with a bad byte.
    (In Windows-1252 text or binary data such sequences are rare and happen by chance.)"""
    non_ascii = len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))
    in_sequences = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    return in_sequences > 0 and 2 * in_sequences >= non_ascii


def _label(name: str) -> str:
    return {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(name, name)


def _where(data: bytes, offset: int) -> str:
    """"line N, offset M" of a byte offset (counting LF, CRLF and lone CR bytes), and the offset."""
    head = data[:offset]
    line = head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
    return f"line {line}, offset {offset}"
