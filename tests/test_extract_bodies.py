"""Bodies and names drafted from article text: units named by their place, national police
named by an adjective, officials and headlines that are not bodies, named coins and
payment services, broadcasters, and quoted operation names. Sentences made up here."""

from __future__ import annotations

from extraction import extract_facts, read_article


def found(text: str, lang: str, kind: str) -> set[str]:
    return {f.key for f in extract_facts(read_article(text, lang)) if f.kind == kind}


def test_french_units_named_by_their_place() -> None:
    text = (
        "Le parquet de Nantes a saisi la section de recherches de Poitiers, "
        "et le tribunal correctionnel de Tours jugera l'affaire."
    )
    assert found(text, "fr", "agency") == {
        "parquet de Nantes",
        "section de recherches de Poitiers",
        "tribunal correctionnel de Tours",
    }


def test_unit_with_acronym_in_brackets_and_hyphenated_place() -> None:
    text = (
        "La juridiction interrégionale spécialisée (JIRS) de Lille enquête avec "
        "le groupement de gendarmerie des Alpes-Maritimes."
    )
    assert found(text, "fr", "agency") == {
        "juridiction interrégionale spécialisée de Lille",
        "groupement de gendarmerie des Alpes-Maritimes",
    }


def test_italian_and_spanish_courts_and_prosecutors() -> None:
    assert found("La Procura di Bari e il Tribunale di Lecce hanno agito.", "it", "agency") == {
        "Procura di Bari",
        "Tribunale di Lecce",
    }
    assert found("El Juzgado de Instrucción de Sevilla ordenó el bloqueo.", "es", "agency") == {
        "Juzgado de Instrucción de Sevilla"
    }


def test_national_police_by_adjective_in_each_language() -> None:
    assert found("La police autrichienne a perquisitionné deux maisons.", "fr", "agency") == {
        "Austrian police"
    }
    assert found("La polizia croata ha eseguito i fermi.", "it", "agency") == {"Croatian police"}
    assert found("The Polish police searched a flat.", "en", "agency") == {"Polish police"}
    assert found("La policía sueca colaboró.", "es", "agency") == {"Polismyndigheten"}


def test_two_italian_bodies_in_one_phrase_stay_two() -> None:
    text = "La Polizia di Stato – Polizia Postale ha chiuso i canali."
    assert found(text, "it", "agency") == {"Polizia di Stato", "Polizia di Stato - Polizia Postale"}


def test_polpostale_is_the_postal_police() -> None:
    assert found("La Polpostale ha oscurato i siti.", "it", "agency") == {
        "Polizia di Stato - Polizia Postale"
    }


def test_brazilian_state_civil_police_and_acronyms() -> None:
    text = "A Polícia Civil do Rio Grande do Norte e a PC-GO cumpriram mandados com a PCBA."
    assert found(text, "pt", "agency") == {
        "Polícia Civil do Rio Grande do Norte",
        "Polícia Civil de Goiás",
        "Polícia Civil da Bahia",
    }


def test_well_known_national_bodies() -> None:
    assert found("L'Alpa et la Sûreté du Québec ont agi.", "fr", "agency") == {
        "Association de lutte contre la piraterie audiovisuelle",
        "Sûreté du Québec",
    }
    assert found("EGEDA denunció el caso ante la Policía Federal Argentina.", "es", "agency") == {
        "EGEDA",
        "Policía Federal Argentina",
    }


def test_an_official_named_by_title_is_not_a_body() -> None:
    text = (
        "Regional Customs Director John Smith said the raid was planned with the "
        "Harbour Customs Bureau Commissioner Mary Jones."
    )
    assert found(text, "en", "agency") == {"Regional Customs", "Harbour Customs Bureau"}


def test_title_case_headline_is_not_a_body() -> None:
    text = "Attorney Announces Charges Against Streaming Ring\nThe case was filed on Monday."
    assert found(text, "en", "agency") == set()


def test_named_coins_and_payment_services() -> None:
    text = "Los vendedores cobraban en criptomonedas, sobre todo Monero, y por Mercado Pago."
    assert found(text, "es", "platform") == {"Monero", "Mercado Pago"}


def test_generic_cryptocurrency_when_no_coin_is_named() -> None:
    assert found("Ils étaient payés en cryptomonnaies.", "fr", "platform") == {"Cryptocurrencies"}


def test_broadcasters_of_the_five_languages() -> None:
    text = "La plainte venait de Vidéotron, de Bell et de la SACEM."
    assert found(text, "fr", "rights_holder") == {"Vidéotron", "Bell", "SACEM"}
    assert found("A denúncia partiu da NOS e da SIC.", "pt", "rights_holder") == {"NOS", "SIC"}


def test_operation_names_in_single_quotes_and_english_names() -> None:
    assert found("Con l'operazione 'Mare Nero' la polizia ha agito.", "it", "operation") == {"mare nero"}
    assert found("En la operación ‘Faro’ participaron cien agentes.", "es", "operation") == {"faro"}
    assert found("Con l'operazione The silent night, la polizia ha agito.", "it", "operation") == {
        "the silent night"
    }


def test_number_with_multiplier_is_not_a_group_name() -> None:
    assert found("La polizia ha oscurato 3mila siti pirata.", "it", "group") == set()


def test_country_code_domain_is_a_group() -> None:
    assert found("Il animait filmsgratuits.eu, un site illégal.", "fr", "group") == {"filmsgratuits.eu"}
