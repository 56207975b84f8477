def test_pages_render(desk):
    c = desk.client("snv")
    r = c.http.get("/desk/")
    assert r.status_code == 200, r.text
    assert "11111" in r.text
    r = c.http.get("/desk/unit/11111")
    assert r.status_code == 200, r.text
    assert "1.1.1" in r.text and "2.1.1" not in r.text
    r = c.entry("11111", "1.1.1", 1, "1", comment="Thiếu kế hoạch", request_explanation=True)
    assert r.status_code == 200, r.text
