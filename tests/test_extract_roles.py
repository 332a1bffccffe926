import pytest

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
    assert ("Ray Cobb", "chairman of the Senate Budget Committee", "Senate Budget Committee") in roles
    assert any(person == "Dana Roe" and "spokesman" in title for person, title, _ in roles)


def test_possessive_owner_before_title():
    roles = _roles("Premier Ho Lin spoke. Ho's spokesman Chen Bo told reporters nothing.")
    assert ("Chen Bo", "spokesman", None) in roles


def test_no_role_without_a_title_word():
    assert _roles("Ann Cole, a mother of three, said she was delighted.") == set()


def test_organisation_before_the_title_is_kept_apart():
    roles = _roles("Harbour Board chairman Ian Moss and Green Party leader Ruth Vane spoke.")
    assert ("Ian Moss", "chairman", "Harbour Board") in roles
    assert ("Ruth Vane", "leader", "Green Party") in roles


def test_honorific_between_title_and_name():
    roles = _roles("Liberal Democrat health spokesman Sir Alan Pike and the Attorney General Lord Dunmore met.")
    assert ("Alan Pike", "health spokesman", "Liberal Democrat") in roles
    assert ("Dunmore", "Attorney General", None) in roles


def test_whole_title_with_of_the():
    assert ("Gus Hardy", "Chancellor of the Exchequer", None) in _roles(
        "Chancellor of the Exchequer Gus Hardy set the budget.")


def test_hyphened_titles_and_ex_written_former():
    roles = _roles("Vice-Prime Minister Ola Berg met ex-foreign secretary Tim Rudd.")
    assert ("Ola Berg", "Vice-Prime Minister", None) in roles
    assert ("Tim Rudd", "former foreign secretary", None) in roles


def test_appositive_with_two_titles_and_an_organisation():
    roles = _roles("Ivo Kors, a QC and international law professor, wrote it. "
                   "Ada Lin, political director at the Policy Forum, agreed.")
    assert ("Ivo Kors", "QC", None) in roles and ("Ivo Kors", "international law professor", None) in roles
    assert ("Ada Lin", "political director", "Policy Forum") in roles


def test_spokesman_for_someone_names_the_body():
    roles = _roles('"No," said Pia Moll, a spokesman for EU farm commissioner Rolf Dahl.')
    assert ("Pia Moll", "spokesman", "EU") in roles


def test_company_possessive_and_who_heads():
    roles = _roles("Tom Reyes, Acme Mining's president, spoke. Lea Dorn, who heads the Bar Council, replied.")
    assert ("Tom Reyes", "president", "Acme Mining") in roles
    assert ("Lea Dorn", "head", "Bar Council") in roles


def test_appositive_before_a_titled_name():
    roles = _roles("It was run by the magazine's editor, Labour MP Kit Owen.")
    assert ("Kit Owen", "editor", None) in roles and ("Kit Owen", "MP", "Labour") in roles


def test_plural_title_before_a_list_of_names():
    roles = _roles("Shadow cabinet members Ann Pole, Rob Tern and Liz Hart objected.")
    assert {person for person, title, _ in roles if title == "Shadow cabinet member"} == {
        "Ann Pole", "Rob Tern", "Liz Hart"}


def test_title_after_the_name_without_a_comma():
    assert ("Ned Fox", "MP", None) in _roles("Former minister Ned Fox MP said so.")


def test_title_used_as_a_subject_later():
    roles = _roles("Lord Ferris defended the plan. The constitutional affairs secretary said it was fair.")
    assert ("Ferris", "constitutional affairs secretary", None) in roles


def test_title_is_not_taken_from_an_organisation_name():
    assert _roles("He joined the National Coffee Growers Federation last year.") == set()
    assert ("Lee Gant", "Former deputy director", "CIA") in _roles("Former CIA deputy director Lee Gant spoke.")


def test_crown_prince_is_the_whole_title_and_a_surname_after_an_office_is_a_person():
    roles = _roles("Crown Prince Haakon opened it. Saudi Crown Prince Fahd and President Reagan came.")
    assert ("Haakon", "Crown Prince", None) in roles and ("Reagan", "President", None) in roles
    assert ("Fahd", "Crown Prince", "Saudi Arabia") in roles


def test_a_royal_style_between_a_title_and_a_name_is_not_part_of_the_title():
    roles = _roles("Interior Minister Prince Tariq Halim spoke. Prince Tariq was cheered. Prince Omar left.")
    assert ("Tariq Halim", "Interior Minister", None) in roles and ("Omar", "Prince", None) in roles
    assert not any(person == "Tariq Halim" and title.endswith("Prince") for person, title, _ in roles)


def test_a_firm_in_wire_markup_is_named_without_it():
    roles = _roles("Tomas Varga, managing director of <Kessel Sparbank AG>, said rates would hold.")
    assert [title for _, title, _ in roles] == ["managing director of Kessel Sparbank AG"]


def test_a_post_for_a_body_keeps_the_body_in_its_title():
    roles = _roles("Ana Lee, the Minister for Coastal Affairs, spoke. Ivo Lund, MP for Kessel West, agreed.")
    assert ("Ana Lee", "Minister for Coastal Affairs", "Coastal Affairs") in roles
    assert ("Ivo Lund", "MP for Kessel West", "Kessel West") in roles
    roles = _roles("Ana Lee, the Norland minister for Coastal Affairs and a former judge, spoke.")
    assert not any(org and org.endswith(" and") for _, _, org in roles)


def test_a_producer_is_a_post_and_a_craft_word_before_it_is_part_of_it():
    roles = _roles("Record producer Ivo Lund has died. South Norland film director Lea Kask spoke.")
    assert ("Ivo Lund", "Record producer", None) in roles
    assert any(person == "Lea Kask" and title == "film director" for person, title, _ in roles)


def test_no_title_from_words_before_a_preposition():
    roles = _roles("He ran the Office of Budget under President Ray Dorn.")
    assert ("Ray Dorn", "President", None) in roles
    assert not any(title != "President" for person, title, _ in roles if person == "Ray Dorn")


def test_place_name_starting_with_a_qualifier_stays_in_the_organisation():
    assert ("Gerald Corrigan", "President", "New York Fed") in _roles(
        "Other names include New York Fed President E. Gerald Corrigan and others.")


def test_formerly_the_title_is_a_former_title():
    roles = _roles("Ingrid Dahl, formerly the mayor of Kessel, left the race on Tuesday.")
    assert ("Ingrid Dahl", "former mayor of Kessel") in [(p, t) for p, t, *_ in roles]


def test_new_before_a_place_is_part_of_its_name():
    assert ("Ada Lind", "Governor", "New Kessel") in _roles("On Friday, New Kessel Governor Ada Lind said the vote would go on.")


def test_formerly_reaches_a_possessive_owner_and_both_titles():
    roles = _roles("Varga granted Ingrid Dahl, formerly the Harbour Safety Agency's chief of staff, a pardon.")
    assert ("Ingrid Dahl", "former chief of staff", "Harbour Safety Agency") in roles
    roles = _roles("Tomas Varga, formerly president and chief executive of Kessel Fisheries, was sentenced.")
    assert {t for p, t, _ in roles if p == "Tomas Varga"} == {"former president", "former chief executive of Kessel Fisheries"}


def test_two_portfolios_joined_by_and_are_one_title():
    assert ("Marta Olsen", "Fisheries and Harbours Minister", "Norway") in _roles(
        "Norwegian Fisheries and Harbours Minister Marta Olsen opened the quay.")
    assert ("Tom Hale", "Trade and Industry Secretary", None) in _roles(
        "Trade and Industry Secretary Tom Hale said the plan would go ahead.")


def test_an_and_between_a_person_and_a_title_joins_no_portfolios():
    roles = _roles("Last week Ms Olsen and First Minister Tom Hale met the board.")
    assert ("Tom Hale", "First Minister", None) in roles
    roles = _roles("Finance Minister Lena Marsh and Prime Minister Tom Hale agreed.")
    assert ("Tom Hale", "Prime Minister", None) in roles


def test_a_country_from_the_place_list_is_the_org_not_its_adjective():
    assert ("Tom Hale", "President", "Turkmenistan") in _roles("Turkmen President Tom Hale opened the pipeline.")
    assert ("Lena Marsh", "Prime Minister", "Samoa") in _roles("Samoan Prime Minister Lena Marsh spoke.")


def test_supreme_stays_in_the_title():
    assert ("Ali Reza", "Supreme Leader", "Iran") in _roles("Iran's Supreme Leader Ali Reza spoke on Friday.")


def test_a_body_named_with_of_before_a_title_is_the_org():
    roles = _roles("Kessel Bureau of Statistics chief Lena Marsh said output fell.")
    assert ("Lena Marsh", "chief", "Kessel Bureau of Statistics") in roles
    roles = _roles("The government of Chancellor Tom Hale fell on Monday.")
    assert ("Tom Hale", "Chancellor", None) in roles


def test_a_body_named_after_its_kind_is_the_org_not_the_country_before_it():
    assert ("Lena Marsh", "deputy editor", "Harbour Weekly") in _roles(
        "Lena Marsh, deputy editor of UK magazine Harbour Weekly, said the quay would open.")
    assert ("Tom Hale", "chief executive", "Kessel Docks") in _roles(
        "Tom Hale, chief executive of Norwegian firm Kessel Docks, said the quay would open.")


def test_a_country_between_a_firms_possessive_and_a_title_is_not_whose_post_it_is():
    assert not [r for r in _roles("Harbour Weekly's US editor Lena Marsh thinks the quay is late.")
                if r[2] == "United States"]


def test_minority_and_majority_belong_to_the_title():
    assert ("Tom Hale", "Minority Leader", "Senate") in _roles("The Senate Minority Leader, Tom Hale, said no.")


def test_a_body_after_where_it_is_based_and_what_it_does_is_the_org():
    assert ("Tom Hale", "deputy managing director", "Kessel Petroleum Services") in _roles(
        "Tom Hale, deputy managing director of Aberdeen-based oil and gas consultancy Kessel Petroleum Services, "
        "said the quay would open.")


def test_a_body_given_only_by_where_it_is_based_is_no_org():
    assert not _roles("Tom Hale, president of the Kessel-based bank, said the office would open.")


def test_the_article_before_a_body_and_title_is_no_part_of_the_title():
    found = _roles('"It is a fine book," said Ms Lea Kask, chair of the judges and the Herald literary editor.')
    assert ("Lea Kask", "literary editor", "Herald") in found


@pytest.mark.parametrize("text, role", [
    ("Norwegian Open chief Ivo Lund said the event was a success.", ("Ivo Lund", "chief", "Norwegian Open")),
    ("Norwegian Airways chairman Ivo Lund said fares would rise.", ("Ivo Lund", "chairman", "Norwegian Airways")),
    ("Norwegian Foreign Minister Ivo Lund spoke.", ("Ivo Lund", "Foreign Minister", "Norway")),
    ("Norwegian Labour leader Ivo Lund spoke.", ("Ivo Lund", "Labour leader", "Norway")),
    ("Norwegian Farm Minister Ivo Lund spoke.", ("Ivo Lund", "Farm Minister", "Norway")),   # a portfolio
    ("Norwegian Chamber of Commerce president Ivo Lund spoke.",
     ("Ivo Lund", "Chamber of Commerce president", "Norway")),                               # the name goes on
])
def test_a_body_whose_name_a_country_word_opens_is_the_org(text, role):
    assert role in _roles(text)


def test_a_nation_keeps_its_own_name_and_a_firms_branch_is_the_body():
    assert _roles("Wales assistant coach Ivo Lund said the squad was fit.") == {("Ivo Lund", "assistant coach", "Wales")}
    assert _roles("The car will not be sold in Asia, said Kessel Europe president Tomas Varga.") == {
        ("Tomas Varga", "president", "Kessel Europe")}
    assert _roles("Legendary Dutch coach Ivo Lund has died.") == {("Ivo Lund", "Legendary coach", "Netherlands")}


def test_a_referee_is_a_post_not_part_of_a_name():
    assert _roles("Referee Tomas Varga said he applied the laws of the game.") == {("Tomas Varga", "Referee", None)}


def test_all_opens_a_bodys_name():
    assert _roles("All England Club chairman Tomas Varga said the roof was ready.") == {
        ("Tomas Varga", "chairman", "All England Club")}


def test_the_head_of_a_title_is_the_title_not_a_post_of_its_own():
    assert _roles("Fans were chanting for the head of chairman Tomas Varga after the defeat.") == {
        ("Tomas Varga", "chairman", None)}


def test_ex_before_a_country_word_makes_the_post_a_former_one():
    assert _roles("The plan was backed by ex-West German Chancellor Tomas Varga on Monday.") == {
        ("Tomas Varga", "former Chancellor", "Germany")}


def test_a_post_in_a_body_described_but_not_named_is_no_role():
    assert not _roles('"Growth will hold," said Tom Hale, manager of merchant banking firm, Kessel Capital.')



def test_on_inside_a_body_s_name_keeps_the_name_whole():
    assert _roles("Tom Hale, official spokesman of the General Agreement on Kessel Trade (GAKT), said the talks failed.") \
        == {("Tom Hale", "official spokesman of the General Agreement on Kessel Trade", "General Agreement on Kessel Trade")}
