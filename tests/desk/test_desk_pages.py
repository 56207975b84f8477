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


def test_admin_assigns_areas_over_http(desk):
    admin = desk.client("admin")
    r = admin.post("/desk/admin/area", {"area": "2", "agency": "Sở Tài chính"})
    assert r.status_code == 303, r.text
    assert desk.desk.area_agencies()["2"] == "Sở Tài chính"
    page = admin.http.get("/desk/admin").text
    assert "Sở Tài chính" in page
