"""`sop/1` JSON: the export other systems read, and its published JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from models.sop import Document

SCHEMA_PATH = Path(__file__).parent / "schema" / "sop-1.schema.json"


def document_to_dict(document: Document) -> dict[str, Any]:
    return document.model_dump(mode="json", by_alias=True)


def document_to_json(document: Document) -> str:
    return json.dumps(document_to_dict(document), ensure_ascii=False, indent=2) + "\n"


def document_from_json(text: str) -> Document:
    return Document.model_validate_json(text)


def build_schema() -> dict[str, Any]:
    """The JSON Schema generated from the models (what `SCHEMA_PATH` must contain)."""
    schema = Document.model_json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://sop-digitiser/schema/sop-1.schema.json",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(build_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def write_schema() -> Path:
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    return SCHEMA_PATH


if __name__ == "__main__":
    print(write_schema())
