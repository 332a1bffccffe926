from extract_helpers import facts_of


def _roles(text):
    return {(f["person"], f["title"], f.get("org")) for f in facts_of(text, "role")}


def test_title_before_name_with_country_adjective():
    assert ("Pavel Drozdov", "Foreign Minister", "Russia") in _roles(
        "Russian Foreign Minister Pavel Drozdov said the talks would go on.")


def test_multiword_title_with_of():
    assert ("Lena Marsh", "Secretary of State", "United States") in _roles(
        "U.S. Secretary of State Lena Marsh is expected in Cairo.")


def test_appositive_after_name():
    roles = _roles("Tom Hale, the shadow health secretary, said the plan was flawed.")
    assert ("Tom Hale", "shadow health secretary", None) in roles


def test_appositive_after_party_tag_and_before_name():
    roles = _roles("Sen. Ray Cobb, R-Tex., chairman of the Senate Budget Committee, "
                   "spoke. A White House spokesman, Dana Roe, said no.")
    assert ("Ray Cobb", "chairman of the Senate Budget Committee", None) in roles
    assert any(person == "Dana Roe" and "spokesman" in title for person, title, _ in roles)


def test_possessive_owner_before_title():
    roles = _roles("Premier Ho Lin spoke. Ho's spokesman Chen Bo told reporters nothing.")
    assert ("Chen Bo", "spokesman", None) in roles


def test_no_role_without_a_title_word():
    assert _roles("Ann Cole, a mother of three, said she was delighted.") == set()
