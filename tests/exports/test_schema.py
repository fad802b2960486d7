import jsonschema

from exports.json import SCHEMA_PATH, document_to_dict, load_schema, schema_text
from models.normalise import parse_waktu
from models.sop import Document, Sop, Source, Step, Transition


def test_published_schema_is_not_stale():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "exports/schema/sop-1.schema.json is stale: run `python -m exports.json`"
    )


def test_a_full_document_validates_against_the_schema():
    step = Step(
        no=1, kegiatan="Menyusun konsep", waktu=parse_waktu("1 hari kerja"), next=[Transition(to=2)]
    )
    document = Document(
        source=Source(path="x.txt", sha256="0" * 64, kind="text", pages=1),
        sops=[Sop(id="a", nama="A", steps=[step, Step(no=2, kegiatan="Selesai", kind="end")])],
    )
    payload = document_to_dict(document)
    assert payload["schema"] == "sop/1"
    jsonschema.validate(payload, load_schema())


def test_schema_rejects_an_unknown_unit():
    payload = {
        "schema": "sop/1",
        "source": {"path": "x", "sha256": "0", "kind": "text", "pages": 1},
        "sops": [
            {
                "id": "a",
                "nama": None,
                "steps": [
                    {
                        "no": 1,
                        "kegiatan": None,
                        "waktu": {"value": 1, "unit": "tahun", "text": "1 tahun"},
                    }
                ],
            }
        ],
        "problems": [],
    }
    try:
        jsonschema.validate(payload, load_schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("a unit outside the contract must not validate")
