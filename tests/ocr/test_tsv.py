from ingest.ocr.tsv import parse_tsv

TSV = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    "1\t1\t0\t0\t0\t0\t0\t0\t300\t60\t-1\t\n"
    "5\t1\t1\t1\t1\t1\t5\t10\t80\t20\t95.5\tMenyusun\n"
    "5\t1\t1\t1\t1\t2\t90\t10\t60\t20\t91\tlaporan\n"
    "5\t1\t1\t1\t2\t1\t5\t40\t10\t20\t88\t12\n"
    "5\t1\t1\t1\t2\t2\t20\t40\t10\t20\t-1\t \n"
)


def test_words_keep_boxes_lines_and_confidence_shifted_by_the_crop_offset() -> None:
    words = parse_tsv(TSV, offset_x=100, offset_y=200)
    assert [w.text for w in words] == ["Menyusun", "laporan", "12"]
    assert [w.line for w in words] == [0, 0, 1]
    assert words[0].bbox is not None and words[0].bbox.left == 105 and words[0].bbox.bottom == 230
    assert abs(words[0].confidence - 0.955) < 1e-9
