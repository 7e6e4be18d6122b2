"""`giaoban extract PATH... [--out-dir DIR] [--encoding ENC] [--published YYYY-MM-DD] [--units FILE]`.

Reads each file, writes `<stem>.json` into --out-dir, or prints the JSON when
there is one file and no --out-dir. --units names a JSON list of the installation's
units ({"name": …, "short_names": […], "aliases": […]}). Errors are one line on stderr
(Vietnamese, then English); the exit status is 1 when any file failed, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from giaoban.extraction.errors import ExtractionError
from giaoban.extraction.extractor import extract
from giaoban.extraction.readers import ENCODINGS, read_path
from giaoban.extraction.units import UnitTree


def _iso_date(value: str) -> str:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày không hợp lệ, cần YYYY-MM-DD / invalid date, YYYY-MM-DD expected: {value!r}"
        ) from None
    return value


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="giaoban extract",
        description="Đọc bài báo / thông báo kết luận giao ban thành bản ghi JSON. "
        "Read briefing articles or conclusion notices into JSON records.",
    )
    ap.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="tệp .txt, .html hoặc .docx / .txt, .html or .docx files",
    )
    ap.add_argument(
        "--out-dir",
        type=Path,
        metavar="DIR",
        help="ghi <tên>.json vào thư mục này / write <stem>.json files here",
    )
    ap.add_argument(
        "--encoding",
        metavar="ENC",
        help=f"buộc bảng mã / force the encoding ({', '.join(ENCODINGS)})",
    )
    ap.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        type=_iso_date,
        help="ngày đăng, nếu văn bản không ghi / publication date if not in the text",
    )
    ap.add_argument(
        "--units",
        metavar="FILE",
        type=Path,
        help="danh sách đơn vị (JSON) / the installation's units as a JSON list",
    )
    return ap


def _tree(path: Path | None) -> UnitTree | None:
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExtractionError(
            f"Không đọc được danh sách đơn vị {path}: {exc} / cannot read the units {path}"
        ) from None
    if not isinstance(data, list):
        raise ExtractionError(f"{path}: cần một danh sách JSON / a JSON list is expected")
    return UnitTree(data)


def main(argv: list[str] | None = None) -> int:
    ap = _parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage message
        return int(exc.code or 0)
    if args.out_dir is None and len(args.paths) > 1:
        print("Nhiều tệp cần --out-dir / several files need --out-dir", file=sys.stderr)
        return 2
    if args.out_dir is not None:
        try:
            args.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(
                f"Không tạo được thư mục {args.out_dir}: {exc.strerror} / "
                f"cannot create directory {args.out_dir}: {exc.strerror}",
                file=sys.stderr,
            )
            return 1
    try:
        tree = _tree(args.units)
    except ExtractionError as exc:
        print(str(exc).replace("\n", " "), file=sys.stderr)
        return 2
    status = 0
    for path in args.paths:
        try:
            text = read_path(path, encoding=args.encoding)
            record = replace(extract(text, published=args.published, units=tree), source=path.name)
        except ExtractionError as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            status = 1
            continue
        if args.out_dir is None:
            sys.stdout.write(record.to_json() + "\n")
            continue
        target = args.out_dir / f"{path.stem}.json"
        try:
            target.write_text(record.to_json() + "\n", encoding="utf-8")
        except OSError as exc:
            print(
                f"Không ghi được {target}: {exc.strerror} / cannot write {target}: {exc.strerror}",
                file=sys.stderr,
            )
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
