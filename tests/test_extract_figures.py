"""Figures read from made-up sentences in five languages: counted nouns, people counted by
what happened to them, money in local formats and currencies, ranges, number words,
warrants carried out, prison terms."""

from __future__ import annotations

import pytest

from extraction import extract_facts, read_article
from extraction.figures import find_figures, parse_number


def figures(text: str, lang: str) -> set[str]:
    return {fact.key for fact in find_figures(read_article(text, lang))}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La police a identifié 40 revendeurs et 3 000 fichiers.", "fr", {"40 resellers", "3000 files"}),
        (
            "Sono stati sequestrati 4 router, 9 telefoni e 2 armi.",
            "it",
            {"4 routers", "9 phones", "2 weapons"},
        ),
        (
            "Los agentes intervinieron doce ordenadores en cinco provincias.",
            "es",
            {"12 computers", "5 provinces"},
        ),
        ("A operação ocorreu em sete estados e apreendeu três notebooks.", "pt", {"7 states", "3 laptops"}),
        ("The site drew 2 million visitors across 9 regions.", "en", {"2000000 visitors", "9 regions"}),
    ],
)
def test_counted_nouns_become_their_english_plural(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Cuatro detenidos pasaron a disposición judicial.", "es", {"4 people"}),
        ("Onze presos foram levados à delegacia.", "pt", {"11 people"}),
        ("Dois homens foram presos em casa.", "pt", {"2 people"}),
        ("Tre persone arrestate a Bari.", "it", {"3 people"}),
    ],
)
def test_people_counted_by_what_happened_to_them(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Un botín de 2.500.000,00 euros.", "es", {"2500000 EUR"}),
        ("Guadagni per 4,2 milioni di euro.", "it", {"4200000 EUR"}),
        ("Um prejuízo de R$ 3,4 milhões.", "pt", {"3400000 BRL"}),
        ("The pair made a £2.5m profit.", "en", {"2500000 GBP"}),
        ("The gang kept £3.7\nmillion of it.", "en", {"3700000 GBP"}),
        ("Movieron 6,5 millones de pesos argentinos.", "es", {"6500000 ARS"}),
        ("Une amende de 20 000 dirhams.", "fr", {"20000 MAD"}),
        ("Ganaron 1.200.000 de euros.", "es", {"1200000 EUR"}),
    ],
)
def test_money_in_local_formats(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Un milione e mezzo di utenti.", "it", {"1500000 users"}),
        ("Un sequestro di 7 milioni e mezzo di euro.", "it", {"7500000 EUR"}),
        ("Um lucro de meio milhão de reais.", "pt", {"500000 BRL"}),
        ("Ganó nueve millones de euros.", "es", {"9000000 EUR"}),
        ("Cerca de mil clientes pagavam.", "pt", {"1000 subscribers"}),
        ("Oscurati oltre 5mila siti.", "it", {"5000 sites"}),
        ("Miles de usuarios y millones de euros.", "es", set()),
    ],
)
def test_scales_halves_and_number_words(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_a_range_gives_its_lower_end_the_scale() -> None:
    assert figures("Ganaron entre 2,5 y 6 millones de euros.", "es") == {"2500000 EUR", "6000000 EUR"}
    assert figures("Between 100 and 2 million users.", "en") == {"100 users", "2000000 users"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("À Montréal, la police a saisi 4 000 $ en liquide.", "fr", {"4000 CAD"}),
        ("The boxes sold for $80 each.", "en", {"80 USD"}),
        ("En Argentina cobraban $ 300 millones.", "es", {"300000000 ARS"}),
        ("Cobraban 500 pesos por mes.", "es", set()),
        ("They sold 12 bitcoins.", "en", {"12 BTC"}),
    ],
)
def test_currencies_several_countries_share(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "In Bangkok, the court ordered them to pay B15mn and forfeit B7 million.",
            "en",
            {"15000000 THB", "7000000 THB"},
        ),
        ("Lagos detectives recovered N2 billion.", "en", {"2000000000 NGN"}),
        ("The Kenyan police in Nairobi seized Sh2 million.", "en", {"2000000 KES"}),
        ("Mumbai police froze Rs 200 crore and Rs. 5 lakh in cash.", "en", {"2000000000 INR", "500000 INR"}),
        ("La police d'Alger a saisi 50 000 DA.", "fr", {"50000 DZD"}),
    ],
)
def test_local_signs_of_the_country_named(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("They seized B25 million in cash.", "en", set()),  # no country using the baht is named
        ("The Q4 report counted 12 servers.", "en", {"12 servers"}),
        ("Le 5 mars, la police a saisi 12 serveurs.", "fr", {"12 servers"}),
        ("Group B 25 held 3 servers in South Africa.", "en", {"3 servers"}),
    ],
)
def test_letters_that_are_no_sign_here(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Suspended prison sentences totalling three and a half years.", "en", {"3.5 years"}),
        ("Il a été condamné à deux ans et demi de prison.", "fr", {"2.5 years"}),
        ("Condannato a 2 anni e mezzo di reclusione.", "it", {"2.5 years"}),
    ],
)
def test_half_years_of_prison(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_counts_of_a_unit_whose_head_word_was_said_before() -> None:
    text = (
        "Foram cumpridos 4 mandados de prisão preventiva, 3 de prisão temporária e 10 de busca e apreensão."
    )
    assert figures(text, "pt") == {"4 arrests", "3 arrests", "10 search orders"}
    text = "Os mandados foram cumpridos: 4 de prisão preventiva e 10 de busca e apreensão."
    assert figures(text, "pt") == {"4 arrests", "10 search orders"}


def test_a_count_of_something_else_after_de_is_not_elided() -> None:
    assert figures("Foram cumpridos 4 mandados de busca; 3 de 10 suspeitos fugiram.", "pt") == {
        "4 search orders",
        "10 suspects",
    }


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Fueron arrestados cuatro acusados.", "es", {"4 people"}),
        ("Los dos responsables de las sociedades han sido arrestados.", "es", {"2 people"}),
        ("Un equipo de 30 fiscales dirigió la operación.", "es", {"30 prosecutors"}),
        ("Las webs se gestionaban a través de dos sociedades mercantiles.", "es", {"2 companies"}),
        ("Descubrieron otras cuatro páginas dedicadas al mismo delito.", "es", {"4 sites"}),
        ("Foi ordenado o sequestro de 13 imóveis.", "pt", {"13 properties"}),
        (
            "Officers took 2 VOIP headsets, 3 CPUs and 4 switches.",
            "en",
            {"2 headsets", "3 CPUs", "4 switches"},
        ),
    ],
)
def test_people_in_the_case_and_other_nouns(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Les gendarmes ont saisi 4 baies, 2 batteries et 185 copies de jeux.",
            "fr",
            {"4 racks", "2 batteries", "185 copies"},
        ),
        (
            "Sequestrati 12 modulatori, 30 schede di memoria e 500 giornali.",
            "it",
            {"12 modulators", "30 memory cards", "500 newspapers"},
        ),
        ("Vendían 3.000 líneas IPTV y 200 códigos de activación.", "es", {"3000 lines", "200 codes"}),
    ],
)
def test_other_things_seized_or_counted(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_a_million_in_digits_keeps_its_de() -> None:
    assert figures("I siti superavano i 2.000.000 di utenti registrati.", "it") == {"2000000 users"}
    assert figures("La red tenía 1.500.000 de usuarios.", "es") == {"1500000 users"}


def test_warrants_of_which_a_part_was_carried_out_stay_warrants() -> None:
    assert figures("Dos 7 mandados de prisão, cinco foram cumpridos.", "pt") == {"7 arrest warrants"}
    assert figures("Foram cumpridos 7 mandados de prisão.", "pt") == {"7 arrests"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "A ação mobilizou 66 policiais, distribuídos em 15 equipes.",
            "pt",
            {"66 police officers", "15 teams"},
        ),
        ("Uma das centrais cobria cerca de 30 bairros.", "pt", {"30 neighbourhoods"}),
        ("Les policiers ont saisi 150 objets dans 3 résidences.", "fr", {"150 items", "3 residences"}),
        ("The court sentenced the three operators.", "en", {"3 operators"}),
        ("Foram cumpridas 4 ordens judiciais.", "pt", {"4 court orders"}),
        ("Quattro case editrici hanno fatto causa.", "it", {"4 publishers"}),
    ],
)
def test_teams_neighbourhoods_items_operators_and_orders(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_places_said_to_be_searched_count_searches() -> None:
    assert figures("Three properties have been searched.", "en") == {"3 searches"}
    assert figures("Trois domiciles ont été perquisitionnés.", "fr") == {"3 searches"}
    assert figures("The police seized three properties.", "en") == {"3 properties"}


def test_search_warrants_carried_out_stay_search_orders() -> None:
    assert figures("Foram cumpridos 12 mandados de busca e apreensão.", "pt") == {"12 search orders"}
    assert figures("A judge issued 12 search warrants.", "en") == {"12 search orders"}


def test_years_only_as_a_prison_term_given() -> None:
    assert figures("He was jailed for 6 years.", "en") == {"6 years"}
    assert figures("Un homme de 40 ans encourt cinq ans de prison.", "fr") == set()


def test_a_country_named_like_a_unit_is_not_counted() -> None:
    assert figures("Police seized 3 United States passports and 8 servers.", "en") == {"8 servers"}


@pytest.mark.parametrize(
    ("raw", "lang", "value"), [("1.000.000,00", "fr", 1000000), ("1,000,000.50", "en", 1000000.5)]
)
def test_numbers_with_both_marks(raw: str, lang: str, value: float) -> None:
    assert parse_number(raw, lang) == value


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Les enquêteurs ont visé 12 suspects ; 12 personnes ont été entendues.", "fr", {"12 people"}),
        ("Ci sono 8 arresti: le 8 persone fermate sono in carcere.", "it", {"8 people"}),
        ("Hubo 4 detenciones y 6 personas investigadas.", "es", {"4 arrests", "6 people"}),
    ],
)
def test_one_group_counted_twice_is_one_figure_in_people(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "All'operazione hanno partecipato 150 militari e 40 finanzieri.",
            "it",
            {"150 police officers", "40 police officers"},
        ),
        (
            "The court issued 12 garnishee orders and 3 freezing orders.",
            "en",
            {"12 garnishee orders", "3 seizure orders"},
        ),
    ],
)
def test_officers_and_court_orders(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_prison_terms_in_months() -> None:
    text = "Le gérant a été condamné à 18 mois de prison dont six mois avec sursis."
    assert figures(text, "fr") == {"18 months", "6 months"}


def test_a_legal_scale_of_months_is_no_sentence() -> None:
    text = "O crime é punido com detenção de seis meses a dois anos, ou multa."
    assert figures(text, "pt") == set()


def test_round_collective_numerals() -> None:
    assert figures("Ils géraient une vingtaine de sites de streaming.", "fr") == {"20 sites"}
    assert figures("Hanno oscurato una decina di siti pirata.", "it") == {"10 sites"}


def test_downloads_counted_in_times() -> None:
    assert figures("The app was downloaded more than 40 million times.", "en") == {"40000000 downloads"}
    assert figures("L'application a été téléchargée 300 000 fois.", "fr") == {"300000 downloads"}


def test_a_year_after_a_currency_word_is_no_sum() -> None:
    text = "Per Euro 2024 la polizia ha oscurato 300 siti."
    assert figures(text, "it") == {"300 sites"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Hubo 9 registros: seis en Sevilla, dos en Francia y uno en Italia.",
            "es",
            {"9 searches", "6 searches", "2 searches", "1 searches"},
        ),
        (
            "Six people were arrested, four of them in Lyon.",
            "en",
            {"6 people", "4 people"},
        ),
        (
            "Foram feitas 10 buscas, sete residenciais e três comerciais.",
            "pt",
            {"10 searches", "7 searches", "3 searches"},
        ),
        (
            "La police a arrêté 8 personnes (5 en Belgique et 3 aux Pays-Bas).",
            "fr",
            {"8 people", "5 people", "3 people"},
        ),
        (
            # parts written with a thousands dot: the dot inside "1.811" ends no sentence
            "Se secuestraron 7.518 películas: 3.035 en Rafaela, 1.811 en Sunchales y 2.672 en Esperanza.",
            "es",
            {"7518 films", "3035 films", "1811 films", "2672 films"},
        ),
        (
            "Sono stati sequestrati 5.400 DVD: 2.100 a Torino e 3.300 a Milano.",
            "it",
            {"5400 DVDs", "2100 DVDs", "3300 DVDs"},
        ),
    ],
)
def test_a_total_split_into_parts_gives_each_part_its_unit(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_numbers_after_a_total_that_are_no_parts() -> None:
    # an age range, and a list that does not add up to the total
    assert figures("They arrested 7 people, aged 20 to 45.", "en") == {"7 people"}
    assert figures("Hubo 9 registros, dos urgentes y tres previstos.", "es") == {"9 searches"}


def test_warrants_carried_out_count_arrests_across_a_wrapped_line() -> None:
    text = "Foram cumpridos 20 mandados de busca e seis\nordens de prisão, quatro delas em Lisboa."
    assert figures(text, "pt") == {"20 search orders", "6 arrests", "4 arrests"}
    assert figures("The judge signed 5 arrest warrants.", "en") == {"5 arrest warrants"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Police dismantled nine criminal groups and froze six bank accounts.",
            "en",
            {"9 groups", "6 accounts"},
        ),
        (
            "The case led to 40 referrals, 15 investigations and 3,000 URLs removed.",
            "en",
            {"40 referrals", "15 investigations", "3000 URLs"},
        ),
        ("Foram constituídas arguidas três pessoas coletivas.", "pt", {"3 companies"}),
        (
            "La procura ha emesso cinque ordini europei di indagine.",
            "it",
            {"5 European investigation orders"},
        ),
        ("Se vendieron 4.000 boxes.", "es", {"4000 decoders"}),
    ],
)
def test_more_counted_nouns(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("They questioned three other people.", "en", {"3 people"}),
        ("Cinco foram presos em casa.", "pt", {"5 people"}),
        ("La police a arrêté 5 personnes et en a entendu 12 autres.", "fr", {"5 people", "12 people"}),
    ],
)
def test_counts_read_through_other_and_auxiliaries(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_arrested_suspects_and_arrests_of_one_group_are_one_figure() -> None:
    text = "Police arrested 12 suspects. The operation led to 12 arrests."
    assert figures(text, "en") == {"12 suspects"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Hanno partecipato 80 uomini della Guardia di Finanza.", "it", {"80 police officers"}),
        ("Erano presenti cento operatori della polizia locale.", "it", {"100 police officers"}),
        ("Participaron 300 efectivos de la Guardia Civil.", "es", {"300 police officers"}),
        ("Tre uomini arrestati dalla polizia.", "it", {"3 people"}),
        ("Lavorano 50 operatori del call center.", "it", set()),
        ("Sono indagate 12 persone. La polizia ha sequestrato tutto.", "it", {"12 people"}),
    ],
)
def test_people_of_a_police_force_are_police_officers(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_an_article_in_a_list_after_a_total_is_no_part() -> None:
    text = "Deux suspects ont été arrêtés : un Belge de 40 ans, à Lyon, et un second homme."
    assert figures(text, "fr") == {"2 suspects"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Los inspectores sancionaron 120 establecimientos y 45 bares.",
            "es",
            {"120 establishments", "45 bars"},
        ),
        ("Les gendarmes ont visité 12 communes et saisi 80 cartes.", "fr", {"12 municipalities", "80 cards"}),
        (
            "Perquisiti 3 negozi, notificati 940 verbali a 57 reparti.",
            "it",
            {"3 shops", "940 reports", "57 units"},
        ),
        (
            "O grupo reunia 2500 inscritos em dez unidades da federação.",
            "pt",
            {"2500 subscribers", "10 states"},
        ),
        ("The site logged 4 million connections a month.", "en", {"4000000 visits"}),
        ("Furono identificati 16 soggetti che rivendevano il segnale.", "it", {"16 people"}),
        ("La police a identifié trois distributeurs.", "fr", {"3 distributors"}),
    ],
)
def test_counted_nouns_of_venues_places_cards_and_reports(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_cfa_francs_by_the_country_named() -> None:
    assert figures("À Dakar, le préjudice atteint 20 millions FCFA.", "fr") == {"20000000 XOF"}
    assert figures("À Douala, le préjudice atteint 20 millions FCFA.", "fr") == {"20000000 XAF"}


def test_a_year_before_a_comma_is_no_count() -> None:
    assert figures("It was reported in 2019, because Polish films leaked early.", "en") == set()
    assert figures("In 2017, three men were fined.", "en") == {"3 people"}


def test_one_audience_counted_twice_is_one_figure() -> None:
    text = "Il servizio aveva 30mila clienti. I 30mila utenti pagavano 12 euro."
    assert figures(text, "it") == {"30000 users", "12 EUR"}


def test_a_rounded_count_next_to_the_precise_one_is_one_figure() -> None:
    text = "Près de 480 décodeurs saisis. Les 478 décodeurs ont été détruits."
    assert figures(text, "fr") == {"478 decoders"}


def test_a_whole_economy_losses_per_year_are_context() -> None:
    text = "A pirataria custa ao país R$ 8 bilhões por ano. O grupo faturou R$ 3 milhões."
    assert figures(text, "pt") == {"3000000 BRL"}
    assert figures("Piracy costs the industry €2 billion a year.", "en") == set()


def test_parts_in_the_next_sentence_after_among_them() -> None:
    text = "Nove pessoas foram presas. Entre elas há cinco de Goiás e quatro do Pará."
    assert figures(text, "pt") == {"9 people", "5 people", "4 people"}
    text = "Five men were arrested. Among them were three from Leeds and two from York."
    assert figures(text, "en") == {"5 people", "3 people", "2 people"}


def test_a_count_reads_through_a_word_for_various() -> None:
    assert figures("Le perquisizioni hanno toccato diciotto diverse province.", "it") == {"18 provinces"}
    assert figures("Actuaron en 14 ciudades distintas y 9 diferentes provincias.", "es") == {
        "14 cities",
        "9 provinces",
    }


def test_piracy_losses_at_large_per_year_are_context() -> None:
    text = "Según la patronal, la piratería causa pérdidas de 600 millones de euros al año en Chile."
    assert figures(text, "es") == set()
    assert figures("La rete incassava 900mila euro all'anno.", "it") == {"900000 EUR"}


def test_a_hyphenated_compound_between_a_number_and_its_noun_is_one_word() -> None:
    assert figures("Police closed 3,200 illegal live-streaming sites.", "en") == {"3200 sites"}


def test_a_count_written_after_its_noun_and_a_copula() -> None:
    assert figures("Ad oggi i verbali notificati sono 1.204, su 1.300 previsti.", "it") == {"1204 reports"}
    assert figures("Los detenidos son 12 personas.", "es") == {"12 people"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Officers will knock on 2,000 homes this month.", "en", {"2000 homes"}),
        ("Hubo 3.000 emisiones ilegales en medio centenar de bares.", "es", {"3000 broadcasts", "50 bars"}),
        ("A Operação 505 prendeu dois homens.", "pt", {"2 people"}),
    ],
)
def test_homes_broadcasts_half_a_round_numeral_and_operation_numbers(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


def test_a_last_part_added_by_as_well_as() -> None:
    text = "Seis pessoas foram presas: três em Goiás, duas no Pará, além de uma na Bahia."
    assert figures(text, "pt") == {"6 people", "3 people", "2 people", "1 people"}


def test_other_local_currencies_by_their_names() -> None:
    text = "The gang earned 3 million Polish zlotys, 40 million yen and 2,000 Tunisian dinars."
    assert figures(text, "en") == {"3000000 PLN", "40000000 JPY", "2000 TND"}


def test_a_part_given_by_of_whom() -> None:
    assert figures("Neuf personnes ont été interpellées, dont quatre en garde à vue.", "fr") == {
        "9 people",
        "4 people",
    }
    assert figures("Cinq individus ont été arrêtés, dont un résident de Laval.", "fr") == {"5 people"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Sono stati fermati in tutto 12 sospetti a Torino.", "it", {"12 suspects"}),
        (
            "El servicio llegaba a más de 7.500 abonados en tres países.",
            "es",
            {"7500 subscribers", "3 countries"},
        ),
        ("The channel's page had gathered only 340 likes.", "en", {"340 likes"}),
        ("Participaram 12 Polícias Civis estaduais da ação.", "pt", {"12 police forces"}),
        ("Foram cumpridos 27 mandados em cinco cidades.", "pt", {"27 warrants", "5 cities"}),
    ],
)
def test_counted_suspects_likes_forces_and_warrants(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Le tribunal a prononcé quatre amendes contre la société.", "fr", {"4 fines"}),
        ("In un magazzino c'erano 350 schede telefoniche.", "it", {"350 SIM cards"}),
        ("La policía identificó siete direcciones en Sevilla.", "es", {"7 addresses"}),
        ("Agents from 12 prefectures joined the team.", "en", {"12 prefectures"}),
        ("O réu mantinha cinco páginas web de venda.", "pt", {"5 sites"}),
        ("Sono state chiuse due piattaforme pirata.", "it", {"2 platforms"}),
    ],
)
def test_fines_sim_cards_addresses_prefectures_web_pages_and_platforms(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


def test_platforms_counted_again_as_apps_are_one_figure() -> None:
    text = "La banda creó cuatro plataformas ilegales, cuatro aplicaciones para móviles."
    assert figures(text, "es") == {"4 apps"}


def test_a_number_right_after_a_month_is_a_day() -> None:
    assert figures("Officers on Sept. 14 detained six people in Leeds.", "en") == {"6 people"}
    assert figures("Police on March 3 arrested nine people.", "en") == {"9 people"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La procura ha cinque indagati; gli altri tre indagati curavano i pagamenti.", "it"),
        ("Five suspects were held; the other three suspects ran the servers.", "en"),
        ("Cinq suspects ont été entendus, les trois autres suspects sont en fuite.", "fr"),
    ],
)
def test_the_rest_of_a_counted_group_is_no_count_of_its_own(text: str, lang: str) -> None:
    assert figures(text, lang) == {"5 suspects"}


def test_a_range_whose_ends_carry_articles() -> None:
    assert figures("Sono state inflitte multe tra i 200 e i 3mila euro.", "it") == {"200 EUR", "3000 EUR"}
    assert figures("Pagaban entre los 15 y los 30 euros al mes.", "es") == {"15 EUR", "30 EUR"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Le perquisizioni hanno riguardato 9 obiettivi all'estero.", "it", {"9 targets"}),
        ("Police seized 40 devices and 12 luxury watches.", "en", {"40 devices", "12 watches"}),
        ("El portal ofrecía 3.000 enlaces a 250 partidos.", "es", {"3000 links", "250 matches"}),
        ("Le site proposait 8 000 jeux et 500 livres.", "fr", {"8000 games", "500 books"}),
    ],
)
def test_targets_devices_links_matches_games_books_and_watches(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


def test_a_rank_is_no_count() -> None:
    assert figures("It fed 60 per cent of the top 20 pirate sites.", "en") == set()


def test_a_price_for_another_period_shares_the_currency_said_once() -> None:
    assert figures("Bastavano 12 euro al mese, oppure 100 l'anno.", "it") == {"12 EUR", "100 EUR"}
    assert figures("Access cost $15 a month or 150 a year.", "en") == {"15 USD", "150 USD"}
    assert figures("Access cost $15 a month for 150 users.", "en") == {"15 USD", "150 users"}


def test_a_country_s_total_is_context() -> None:
    text = "A polícia prendeu 3 pessoas. Hoje o país tem cerca de 4 milhões de usuários de IPTV pirata."
    assert figures(text, "pt") == {"3 people"}
    assert figures("Le pays compte près de 2 millions de foyers pirates.", "fr") == set()


def test_sites_counted_after_a_verb_of_searching_are_searches() -> None:
    assert figures("Officers searched 25 sites across Kent.", "en") == {"25 searches"}
    assert figures("Les gendarmes ont perquisitionné 6 sites.", "fr") == {"6 searches"}
    assert figures("The network ran 25 sites across Europe.", "en") == {"25 sites"}


def test_a_count_after_the_country_s_police_is_no_national_total() -> None:
    assert figures("Throughout the country police arrested 12 people.", "en") == {"12 people"}


def test_one_named_and_others_counted_with_the_total_is_the_total() -> None:
    text = "Servers in Austria and 6 other countries were seized; 7 countries took part."
    assert figures(text, "en") == {"7 countries"}
    assert figures("Servers in Austria and 6 other countries were seized.", "en") == {"6 countries"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The site drew over 20 million unique visitors a month.", "en", {"20000000 visitors"}),
        ("Oscurate 300 risorse web illegali.", "it", {"300 IT resources"}),
        ("Les agents ont saisi trois wallets et deux ordinateurs.", "fr", {"3 wallets", "2 computers"}),
        ("Embargaron seis edificios de oficinas en Rosario.", "es", {"6 buildings"}),
        ("O site oferecia mais de 9 mil títulos.", "pt", {"9000 titles"}),
    ],
)
def test_adjectives_web_resources_wallets_buildings_titles(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Na casa foram recolhidas quatro armas.", "pt", {"4 weapons"}),
        ("La PJ desmantelou cinco redes de cardsharing.", "pt", {"5 networks"}),
        ("Les gendarmes ont saisi 15 antennes paraboliques.", "fr", {"15 satellite dishes"}),
        ("Detectives raided three residential addresses in Chorley.", "en", {"3 addresses"}),
        ("Uno de los nueve administradores del sitio fue detenido.", "es", {"9 people"}),
    ],
)
def test_weapons_networks_dishes_addresses_and_people_by_role(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a fine only risked, or that someone is exposed to, is the law's scale
        (
            "The operator was released. He faces up to five years in prison and a fine of up to $250,000.",
            "en",
            set(),
        ),
        (
            "Les bars qui diffusaient ces matchs s'exposent à des amendes pouvant atteindre 5 000 euros.",
            "fr",
            set(),
        ),
        # a fine imposed is the case's
        ("Each of the 300 users was fined 150 euros.", "en", {"300 users", "150 EUR"}),
    ],
)
def test_fines_risked_and_imposed(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a lower bound just under a precise count is that count
        (
            "Le site diffusait 176 chaînes. Il donnait accès à plus de 170 chaînes gratuites et payantes.",
            "fr",
            {"176 channels"},
        ),
        # far under it, another count
        (
            "Il sito aveva oltre 100 canali; a fine anno erano 180 canali.",
            "it",
            {"100 channels", "180 channels"},
        ),
        # one audience counted in two nouns
        (
            "La piattaforma aveva circa 8mila clienti. Gli investigatori stimano 8.000 persone coinvolte.",
            "it",
            {"8000 people"},
        ),
    ],
)
def test_one_count_said_twice(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("They made around 400 million won from advertising.", "en", {"400000000 KRW"}),
        ("The operator earned 2 billion dong from the service.", "en", {"2000000000 VND"}),
        # a currency's name that is also a word counts only after the number
        ("The team won 3 matches.", "en", {"3 matches"}),
        ("Una sanzione di euro 5.000 per ogni utente.", "it", {"5000 EUR"}),
        ("The site offered 32,124 video works.", "en", {"32124 films"}),
    ],
)
def test_asian_currencies_and_works_counted(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the country is named only by a region
        ("Title\n\nNew South Wales police said the ring sold packages for $50.", "en", {"50 AUD"}),
        # only by a national body
        ("Título\n\nLa PDI avaluó lo incautado en $70 millones.", "es", {"70000000 CLP"}),
        # by nothing: the sign's default
        ("Title\n\nThe ring sold packages for $50.", "en", {"50 USD"}),
    ],
)
def test_a_dollar_sign_takes_the_currency_of_the_country_named_by_a_region_or_a_body(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Vendían el servicio a por lo menos 2 mil 500 hogares.", "es", {"2500 homes"}),
        ("Foram apreendidos 20 mil aparelhos de TV box no porto.", "pt", {"20000 decoders"}),
        ("Foram apreendidos oito aparelhos celulares.", "pt", {"8 devices"}),
        ("Unos 3 mil usuarios pagaban en 2020.", "es", {"3000 users"}),
    ],
)
def test_thousands_written_with_mil_and_the_rest(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "figure"),
    [
        ("Police raided 7 warehouses in the port.", "en", "7 warehouses"),
        ("Les gendarmes ont contrôlé 12 entrepôts.", "fr", "12 warehouses"),
        ("Sequestrati 40 masterizzatori in un laboratorio.", "it", "40 burners"),
        ("La ATT clausuró 32 radios piratas en El Alto.", "es", "32 radio stations"),
        ("A polícia apreendeu 300 cartazes falsificados.", "pt", "300 posters"),
        ("Three foreign nationals were detained.", "en", "3 people"),
        ("Les policiers ont saisi 150 articles de matériel informatique.", "fr", "150 items"),
    ],
)
def test_counted_nouns_of_every_kind_of_case(text: str, lang: str, figure: str) -> None:
    assert figures(text, lang) == {figure}


@pytest.mark.parametrize(
    ("text", "lang", "figure"),
    [
        ("Em Moçambique, a INAE apreendeu 300 mil meticais em discos.", "pt", "300000 MZN"),
        ("Em Angola, o prejuízo chega a 50 milhões de kwanzas.", "pt", "50000000 AOA"),
        ("In Svizzera la polizia ha sequestrato 40.000 franchi.", "it", "40000 CHF"),
        ("Ghana police seized GH¢ 10,000 in Accra.", "en", "10000 GHS"),
        ("Police recovered 2 million Kenyan shillings.", "en", "2000000 KES"),
    ],
)
def test_a_currency_by_the_noun_or_full_name_cldr_gives(text: str, lang: str, figure: str) -> None:
    assert figures(text, lang) == {figure}


def test_a_currency_noun_is_no_money_where_no_country_using_it_is_named() -> None:
    assert figures("The gang sold 40,000 kwachas worth of goods.", "en") == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Seven men and one woman, aged between 18 and 45, were arrested.", "en", {"8 people"}),
        ("Les gendarmes ont interpellé deux hommes et une femme à Lyon.", "fr", {"3 people"}),
        ("Fueron detenidos tres hombres y dos mujeres.", "es", {"5 people"}),
        ("Eleven men and three women aged 22 to 51 were arrested.", "en", {"14 people"}),
    ],
)
def test_men_and_women_are_one_count_of_people(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Police arrested five in Madrid on Tuesday.", "en", {"5 people"}),
        ("La policía detuvo a tres en Lima.", "es", {"3 people"}),
        # A noun after the count is the unit: no bare count.
        ("Police arrested five suspects in Madrid.", "en", {"5 suspects"}),
    ],
)
def test_a_bare_count_after_an_arrest_verb_counts_people(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The court sentenced the operator to three years and six months in prison.", "en", {"3.5 years"}),
        ("O réu foi condenado a 6 anos e 8 meses de prisão.", "pt", {"80 months"}),
    ],
)
def test_years_and_months_of_prison_are_one_term(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_swiss_grouping_with_apostrophes() -> None:
    text = "Multe da 2'582 a 25’822 euro per ciascuno dei 2'000 utenti."
    assert figures(text, "it") == {"2582 EUR", "25822 EUR", "2000 users"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Agents seized 227,600 or more pirated CDs/DVDs and 3 DVD players.",
            "en",
            {"227600 discs", "3 DVD players"},
        ),
        ("The haul carried an estimated value of PhP79.69-Million in Iloilo City.", "en", {"79690000 PHP"}),
        ("La ATT decomisó equipos de 32 radioemisoras ilegales.", "es", {"32 radio stations"}),
        ("Se incautaron 300 mil pesos en Santo Domingo, República Dominicana.", "es", {"300000 DOP"}),
    ],
)
def test_lower_bounds_players_pesos_and_radio_stations(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A operação cumpriu um mandado de prisão contra o dono da emissora, de 37 anos.", "pt"),
        (
            "Pisa, 14 ottobre 2023 – Con gli studenti di nuovo in città, la guardia di finanza ha "
            "controllato le copisterie.",
            "it",
        ),
    ],
)
def test_an_age_and_a_dateline_s_year_are_no_figures(text: str, lang: str) -> None:
    assert figures(text, lang) == set()


def test_worded_years_and_months_in_digits_are_one_term() -> None:
    # The worded count is read after the digits: the months must still join it.
    assert figures("The court sentenced him to three years and 6 months in prison.", "en") == {"3.5 years"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Les descentes menées le mercredi 7 avril 2010 chez ces individus ont suffi.", "fr", set()),
        ("El 3 de abril de 2010 personas ajenas lo vieron.", "es", set()),
        ("Detuvieron a 2010 personas.", "es", {"2010 people"}),
    ],
)
def test_a_year_after_a_month_is_no_count(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Officers confiscated 600 units of devices of various brands.", "en", {"600 devices"}),
        ("Mais de duas centenas de clientes tinham acesso ao sinal.", "pt", {"200 subscribers"}),
        ("Deux centaines de sites ont été fermés.", "fr", {"200 sites"}),
        ("Des centaines de clients ont été identifiés.", "fr", set()),
        ("Les agents ont coupé près d'un millier de branchements clandestins.", "fr", {"1000 connections"}),
        ("The operator serves more than 8000 TV households.", "en", {"8000 households"}),
        ("I server si trovano in paesi di quattro continenti.", "it", {"4 continents"}),
    ],
)
def test_units_of_a_noun_hundreds_counted_in_words_and_households(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "In Tanzania they sold CDs at 700/- each, collecting 2,800,000/-.",
            "en",
            {"700 TZS", "2800000 TZS"},
        ),
        ("Officers recovered 7,387 pieces of illegal equipment.", "en", {"7387 devices"}),
        ("Material capaz de produzir um milhão de unidades de CDs e DVDs.", "pt", {"1000000 discs"}),
        ("Foram apreendidos mais de centena e meia de gravadores.", "pt", {"150 burners"}),
        ("Una docena de detenidos y media docena de ordenadores.", "es", {"12 people", "6 computers"}),
        ("Estão detidos dois brasileiros e oito marroquinos.", "pt", {"2 people", "8 people"}),
        ("Deux Marocains et trois Français ont été interpellés.", "fr", {"2 people", "3 people"}),
        ("La Policía le decomisó mercadería por valor de 120 mil córdobas.", "es", {"120000 NIO"}),
        ("Sono stati emessi 92 provvedimenti di perquisizione e sequestro.", "it", {"92 search orders"}),
    ],
)
def test_shilling_dashes_pieces_halves_nationals_and_one_currency_s_noun(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Se incautaron más de 20 mil CD's con programas piratas en Lima.", "es", {"20000 CDs"}),
        ("Les gendarmes ont saisi 4 500 DVD de films contrefaits.", "fr", {"4500 DVDs"}),
        ("Police seized 2,000 pirated CDs in the market.", "en", {"2000 CDs"}),
        # discs of two kinds counted together
        ("Sequestrati 8.000 CD e DVD masterizzati.", "it", {"8000 discs"}),
        ("Foram apreendidos 3.000 discos piratas.", "pt", {"3000 discs"}),
    ],
)
def test_discs_are_counted_as_what_the_text_counts(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "In Accra, Ghana, two Nigerians were arrested with 5,000 pirated DVDs.",
            "en",
            {"2 people", "5000 DVDs"},
        ),
        ("Tres paraguayos fueron detenidos en Encarnación, Paraguay.", "es", {"3 people"}),
    ],
)
def test_people_counted_by_more_nationalities(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Foram apreendidas cerca de três dezenas de set-top-box de receção de satélite.",
            "pt",
            {"30 decoders"},
        ),
        ("Les gendarmes ont saisi deux douzaines de cartes SIM.", "fr", {"24 SIM cards"}),
        # video CDs with DVDs are discs, and a span of weeks is when, not a count
        (
            "Over the past three weeks police have seized about 60,000 illegal VCDs and DVDs.",
            "en",
            {"60000 discs"},
        ),
        ("He was jailed for six weeks.", "en", {"6 weeks"}),
    ],
)
def test_tens_dozens_set_top_boxes_video_cds_and_weeks(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Un productor citó un estudio según el cual la piratería generó el año pasado un negocio de "
            "1.428 millones de pesos dominicanos. La policía destruyó 500.000 copias en Santo Domingo.",
            "es",
            {"500000 copies"},
        ),
        (
            "According to a survey, 40,000 people watch pirated streams. Police seized 12 servers.",
            "en",
            {"12 servers"},
        ),
    ],
)
def test_figures_a_cited_study_gives_are_context(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Onze comerciantes foram constituídos arguidos na feira.", "pt", {"11 people"}),
        ("Seis feirantes foram detidos pela GNR em Braga.", "pt", {"6 people"}),
        ("Quindici acquirenti sono stati multati dai vigili.", "it", {"15 people"}),
        ("Four traders were arrested at the market.", "en", {"4 people"}),
        ("Trois revendeurs ont été interpellés à Lille.", "fr", {"3 people"}),
        # A count of people by its own word keeps it; things are not people.
        ("Nine suspects were arrested and 40 servers were seized.", "en", {"9 suspects", "40 servers"}),
    ],
)
def test_people_counted_by_what_happened_to_them_whatever_the_noun(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("A GNR apreendeu três mil cópias de álbuns em CD.", "pt", {"3000 CDs"}),
        ("Agents seized 1,200 copies of counterfeit DVDs.", "en", {"1200 DVDs"}),
        # Copies of books stay copies: readers count them so.
        ("La Finanza ha sequestrato 80 mila copie di libri scolastici.", "it", {"80000 copies"}),
        # Copies of nothing the text names stay copies.
        ("Agents seized 900 copies, most of them on CD.", "en", {"900 copies"}),
        ("Les enquêteurs ont trouvé 450 copies de l'album.", "fr", {"450 copies"}),
    ],
)
def test_copies_are_counted_as_their_medium(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Four vans and two trucks were needed to carry the goods.", "en", {"4 vehicles", "2 vehicles"}),
        ("Les gendarmes ont rempli trois camionnettes.", "fr", {"3 vehicles"}),
        ("Sono state sequestrate 25 mila opere tra film e dischi.", "it", {"25000 works"}),
        ("Se incautaron 3.000 obras protegidas.", "es", {"3000 works"}),
    ],
)
def test_vans_are_vehicles_and_works_are_works(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Discs worth N$400 000 were seized in Oshakati, Namibia.", "en", {"400000 NAD"}),
        ("Goods worth S$1.2 million were seized, Singapore police said.", "en", {"1200000 SGD"}),
        ("The fine was NZ$15,000, a court in Auckland ruled.", "en", {"15000 NZD"}),
        # "$" in a report mostly about countries with other money is the US dollar, though
        # a country using "$" is named once.
        (
            "Japan said the site cost publishers $3 billion. Police in Japan and Vietnam acted;"
            " one suspect had lived in Japan and in Vietnam before flying to Canada.",
            "en",
            {"3000000000 USD"},
        ),
    ],
)
def test_dollars_with_a_country_letter_and_dollars_of_an_article_about_elsewhere(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sono sette le persone denunciate a piede libero.", {"7 people"}),
        ("Sono 14 gli indagati, tutti residenti in provincia.", {"14 suspects"}),
        ("Tutti e cinque i componenti della banda sono stati denunciati.", {"5 members"}),
        # A time of day is no count: "alle 6 le pattuglie".
        ("Alle 6 le pattuglie sono partite.", set()),
    ],
)
def test_an_italian_count_stated_before_its_nouns_article(text: str, expected: set[str]) -> None:
    assert figures(text, "it") == expected


def test_experts_sent_to_help() -> None:
    assert figures("The coalition sent three experts to Sofia.", "en") == {"3 experts"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Los daños superan los 75 millones de\nyuanes, según la policía.", "es", {"75000000 CNY"}),
        ("La policía se incautó de 12.000 equipos de recepción.", "es", {"12000 devices"}),
        ("Hallaron 25 torres grabadoras con 300 bocas de copia.", "es", {"25 towers", "300 burners"}),
        ("Sono state trovate 4 torri di masterizzazione.", "it", {"4 towers"}),
        ("Police pulled down two radio masts in Lagos.", "en", {"2 masts"}),
        (
            "Ses trois (3) complices ont été interpellés, et huit (08) revendeurs identifiés.",
            "fr",
            {"3 people", "8 resellers"},
        ),
        ("Les gendarmes ont saisi douze (12) décodeurs.", "fr", {"12 decoders"}),
        (
            "Officers seized 40 ISDs and 3 desktop computers.",
            "en",
            {"40 illicit streaming devices", "3 desktop computers"},
        ),
        ("Restano da identificare 35 subrivenditori.", "it", {"35 sub-resellers"}),
    ],
)
def test_wrapped_money_equipment_towers_and_counts_restated_in_brackets(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


def test_people_placed_in_custody_are_people() -> None:
    text = "Le gérant et ses quatre (4) vendeurs ont été placés en garde à vue."
    assert figures(text, "fr") == {"4 people"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La police a saisi 5 000 boîtiers, 9 000 jaquettes et 700 DVD gravés.",
            {"5000 cases", "9000 covers", "700 DVDs"},
        ),
        # Boxes in an article about television are decoders.
        ("Les gendarmes ont saisi 300 boîtiers IPTV chez un revendeur.", {"300 decoders"}),
    ],
)
def test_boxes_counted_with_discs_are_their_cases(text: str, expected: set[str]) -> None:
    assert figures(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("A polícia destruiu 1200 fonogramas e videogramas piratas.", "pt", {"1200 discs"}),
        (
            "Sono state sequestrate 6 fotocopiatrici e 2 taglierine.",
            "it",
            {"6 photocopiers", "2 guillotines"},
        ),
        ("Officers found 400 printed flyers advertising the service.", "en", {"400 flyers"}),
    ],
)
def test_recordings_by_their_legal_name_copiers_guillotines_and_flyers(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("No terreno estiveram 67 efectivos da GNR.", "pt", {"67 police officers"}),
        ("Trois vendeurs ont été interpellés au marché.", "fr", {"3 people"}),
        ("Sono stati fermati quattro extracomunitari.", "it", {"4 people"}),
        (
            "Fueron detenidas 31 personas, 18 de ellas de nacionalidad china y 13 de origen subsahariano.",
            "es",
            {"31 people", "18 people", "13 people"},
        ),
        ("Eseguite 19 ordinanze di custodia cautelare.", "it", {"19 custody orders"}),
        ("Sequestrati 15mila supporti ottici e due pistole.", "it", {"15000 discs", "2 pistols"}),
        ("Se intervinieron dos ordenadores portátiles.", "es", {"2 laptops"}),
        ("The team seized close to 1,79,000 pirated DVDs.", "en", {"179000 DVDs"}),
    ],
)
def test_staff_of_a_force_by_its_acronym_vendors_orders_media_and_indian_grouping(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ogni copia costava 40 centesimi e veniva venduta agli ambulanti.", "it", {"0.4 EUR"}),
        ("Un supporto vergine costa fra i 30 e i 50 centesimi.", "it", {"0.3 EUR", "0.5 EUR"}),
        ("Cada DVD se vendía a 80 céntimos en Málaga.", "es", {"0.8 EUR"}),
        # "cents" of no currency the article settles are no money.
        ("Each disc cost 40 cents to make.", "en", set()),
    ],
)
def test_cents_are_hundredths_of_the_articles_currency(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "La police a saisi 12.225 CD. Selon le directeur, 7.825 de ces disques étaient locaux.",
            "fr",
            {"12225 CDs", "7825 CDs"},
        ),
        (
            "Os policiais recolheram mais de cinco mil exemplares de livros do professor em três sebos.",
            "pt",
            {"5000 books", "3 bookshops"},
        ),
        ("La Guardia Civil intervino 2.000 ejemplares de revistas.", "es", {"2000 copies"}),
        # A day in brackets after its weekday is not a part of the count before it.
        (
            "Perto de mil livros foram apreendidos nesta quinta-feira (28) em três sebos do Rio.",
            "pt",
            {"1000 books", "3 bookshops"},
        ),
    ],
)
def test_parts_of_these_printed_copies_and_a_day_in_brackets(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Los agentes entraron en dos pisos de Salou, tres de Reus y otro de Cambrils.",
            "es",
            {"2 searches", "3 searches", "1 searches"},
        ),
        (
            "Se intervinieron 14 lectores, cuatro ventiladores y siete cajas con 17.500 hojas de papel.",
            "es",
            {"14 readers", "4 fans", "7 boxes", "17500 sheets"},
        ),
        (
            "Les policiers ont saisi 500 jeux vidéo, 100 logiciels et 80 000 piles.",
            "fr",
            {"500 video games", "100 programs", "80000 batteries"},
        ),
        (
            "La policía registró siete direcciones y allanaron seis edificios.",
            "es",
            {"7 searches", "6 searches"},
        ),
        ("La GRC a arrêté cinq spécialistes de la contrefaçon.", "fr", {"5 people"}),
        ("Les interpellations ont eu lieu dans sept départements.", "fr", {"7 departments"}),
        ("A IGAC tirou a quatro comerciantes 2.236 cópias.", "pt", {"4 traders", "2236 copies"}),
    ],
)
def test_places_entered_listed_by_town_equipment_and_traders(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("No ano passado a IGAC fez 112 operações no distrito.", "pt"),
        ("Nos dois casos, a pena máxima é de quatro anos de reclusão.", "pt"),
        ('The "Mugabe 2020" film was sold on flash disks.', "en"),
    ],
)
def test_a_tally_of_operations_both_cases_a_legal_maximum_and_a_title_count_nothing(
    text: str, lang: str
) -> None:
    assert figures(text, lang) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police in Bermuda found close to $1,000-worth of pirated films in a shop.", {"1000 BMD"}),
        ("Shops in Bermuda were told they risk a $250,000 fine if they sell fake goods.", set()),
    ],
)
def test_the_bermudian_dollar_and_a_fine_risked(text: str, expected: set[str]) -> None:
    assert figures(text, "en") == expected


def test_a_currency_code_counts_only_in_capitals() -> None:
    text = "Sono stati sequestrati un hard disk e 3 pen drive."
    assert figures(text, "it") == {"3 USB drives"}


def test_the_cuban_convertible_peso() -> None:
    assert figures("El hombre pedía 50 CUC por cada antena.", "es") == {"50 CUC"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Hours counted, then the subject of the sentence: no count of officers.
        ("Nelle ultime 24 ore i finanzieri hanno sequestrato 40 decoder.", "it", {"40 decoders"}),
        ("In the last 48 hours officers seized 40 decoders.", "en", {"40 decoders"}),
        ("En 72 horas los agentes incautaron 40 decodificadores.", "es", {"40 decoders"}),
    ],
)
def test_a_count_of_hours_counts_no_noun_after_it(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Deux vendeurs ont été arrêtés. Les agents de ces deux structures saisiront le juge.",
            "fr",
            {"2 people"},
        ),
        ("Police arrested three men. Officers from these two forces will question them.", "en", {"3 people"}),
        (
            "Sono stati denunciati tre uomini. Questi due reparti hanno condotto le indagini.",
            "it",
            {"3 people"},
        ),
    ],
)
def test_a_count_in_words_after_these_points_back_and_is_no_new_figure(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La police a arrêté une centaine de commerçants à Dakar.", "fr", {"100 people"}),
        ("Los agentes detuvieron a los seis integrantes de la red.", "es", {"6 people"}),
        # Not arrested: counted by their trade.
        ("La red tenía seis integrantes en Madrid.", "es", {"6 members"}),
    ],
)
def test_people_counted_by_their_trade_after_an_arrest_verb_are_people(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Two rights holders filed a complaint; the two companies gave evidence.",
            "en",
            {"2 rights holders"},
        ),
        # "the three": often the first count of them.
        ("Police searched the three warehouses on Monday.", "en", {"3 warehouses"}),
        ("Police arrested the two men on Monday.", "en", {"2 people"}),
    ],
)
def test_the_two_of_a_thing_just_named_is_no_new_count(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("In nove casi su dieci la fonte è una registrazione in sala.", "it", set()),
        ("Nine cases out of ten start with a camcorder; police seized 40 cameras.", "en", {"40 cameras"}),
        # A part of a count that is no share: kept.
        ("Police seized 40 decoders out of 50 found.", "en", {"40 decoders"}),
    ],
)
def test_a_share_out_of_ten_is_no_count(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Vender CDs piratas é crime previsto no Código Penal, com pena de 2 a 4 anos de reclusão.", "pt"),
        ("El delito está castigado con penas de seis meses a cuatro años de prisión.", "es"),
    ],
)  # fmt: skip
def test_the_term_a_code_sets_for_the_crime_is_no_sentence(text: str, lang: str) -> None:
    assert figures(text, lang) == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Con i brani del Festival di Sanremo 2009 e film recenti, 10 mila dischi.", "it", {"10000 discs"}),
        ("Dois responsáveis foram presos, e um deles continua detido.", "pt", {"2 people"}),
        # One of them where it stands is a part of its own.
        ("Three men were arrested, one of them in Leeds.", "en", {"3 people", "1 people"}),
    ],
)
def test_a_year_naming_an_edition_and_one_of_them_alone_are_no_figures(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


def test_brazilian_media_and_phones() -> None:
    text = "Foram apreendidas 7 mil mídias piratas e oito telefones celulares novos."
    assert figures(text, "pt") == {"7000 discs", "8 phones"}


def test_a_fine_risked_in_italian_is_no_figure() -> None:
    text = (
        "I denunciati rischiano da 1 a 5 anni di reclusione e un'ammenda fino a 15.500 euro; "
        "sequestrati 40 decoder."
    )
    assert figures(text, "it") == {"40 decoders"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("A apreensão teve valor estimado em R$ 8,31 milhões.", "pt", {"8310000 BRL"}),
        ("Ogni copia veniva venduta a 70 centesimi.", "it", {"0.7 EUR"}),
    ],
)
def test_money_scaled_by_a_word_has_no_float_rounding_error(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_page_views_and_italian_links() -> None:
    text = "Inibito l'accesso a 2,5 milioni di link; il sito contava oltre 4 milioni di pagine viste al mese."
    assert figures(text, "it") == {"2500000 links", "4000000 page views"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Quest'anno la polizia ha svolto ricerche in 93 luoghi.", "it", {"93 searches"}),
        ("Officers carried out searches at 12 addresses in the city.", "en", {"12 searches"}),
        ("Les enquêteurs ont mené des perquisitions dans 8 lieux.", "fr", {"8 searches"}),
        # places counted with no search word stay places
        ("The network sold discs in 12 locations.", "en", {"12 locations"}),
    ],
)
def test_searches_counted_by_the_places_searched(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Police arrested 10 dealers at the market.", "en", {"10 people"}),
        ("Police arrested seven Indonesian and five Chinese workers.", "en", {"7 people", "5 people"}),
        ("Furono fermati tre italiani e due albanesi.", "it", {"3 people", "2 people"}),
    ],
)
def test_people_counted_by_trade_and_by_nationality(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Se incautaron 3.000 discos; con los 2 millones de soles decomisados en lo que va del año, "
            "la cifra crece.",
            "es",
            {"3000 discs"},
        ),
        (
            "So far this year, customs seized 40,000 discs. Police seized 200 decoders.",
            "en",
            {"200 decoders"},
        ),
        (
            "Depuis le début de l'année, 90 sites ont été bloqués. Hier, 4 serveurs saisis.",
            "fr",
            {"4 servers"},
        ),
    ],
)
def test_a_tally_of_the_year_so_far_is_not_the_cases(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La legge punisce la pirateria con multe fino a 80.000 euro o con il carcere fino a 10 anni.", "it"),
        ("La loi punit ce délit de 3 ans de prison et de 300 000 euros d'amende.", "fr"),
    ],
)
def test_the_penalty_a_law_sets_is_no_figure(text: str, lang: str) -> None:
    assert figures(text, lang) == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Se incautaron 15,000 unidades (CD´s).", "es", {"15000 CDs"}),
        ("La douane a saisi un conteneur de 452.000 étuis.", "fr", {"452000 cases"}),
        ("La empresa comprobó que 20 de sus señales eran retransmitidas.", "es", {"20 channels"}),
        ("Investigators seized 12 of its servers.", "en", {"12 servers"}),
    ],
)
def test_what_units_and_parts_count(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Policía Nacional intervino. Más de 150 efectivos participaron.", {"150 police officers"}),
        # no police named: members of what, the text does not say
        ("La empresa cerró la galería. Más de 150 efectivos participaron.", set()),
    ],
)
def test_force_members_in_a_police_operation_are_police_officers(text: str, expected: set[str]) -> None:
    assert figures(text, "es") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Se nel 2015 oltre 130 perquisizioni avevano portato a 40 arresti, quest'anno i fermati sono 44.",
            "it",
            {"44 people"},
        ),
        (
            "While in 2019 police seized 300 decoders, this year they took 500 decoders.",
            "en",
            {"500 decoders"},
        ),
    ],
)
def test_another_years_counts_set_against_this_one_are_no_figures(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inspectors seized books estimated at half a million naira in Lagos.", {"500000 NGN"}),
        ("Copies valued at two hundred and sixty thousand naira were seized in Lagos.", {"260000 NGN"}),
    ],
)
def test_long_worded_sums(text: str, expected: set[str]) -> None:
    assert figures(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The Commission arrested 15 suspected pirates.", "en", {"15 suspects"}),
        ("Arrestati cinque presunti pirati.", "it", {"5 suspects"}),
        # folded, "piratés" reads "pirates": the adjective counts nobody, the media are counted
        ("L'ONDA a saisi plus de 60 000 supports piratés.", "fr", {"60000 discs"}),
    ],
)
def test_suspected_people_are_suspects(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the Philippines, police destroyed discs worth P63 million.", {"63000000 PHP"}),
        ("In Botswana, police seized goods worth P2 million.", {"2000000 BWP"}),
        ("Police seized goods worth P2 million.", set()),
    ],
)
def test_a_letter_for_the_peso_or_the_pula_by_the_country(text: str, expected: set[str]) -> None:
    assert figures(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La Cour exige d'une dizaine de fournisseurs de service internet qu'ils bloquent le site.", "fr",
         {"10 internet service providers"}),
        ("The court ordered 5 ISPs to block the sites.", "en", {"5 internet service providers"}),
    ],
)  # fmt: skip
def test_internet_service_providers_are_counted(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_people_by_trade_arrested_after_the_count_are_people() -> None:
    assert figures("Dois funcionários foram levados à Delegacia.", "pt") == {"2 people"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Han sido detenidas doce personas. Cuatro de ellas conseguían la señal.", "es",
         {"12 people", "4 people"}),
        ("Police arrested five men. Two of them ran the servers.", "en", {"5 people", "2 people"}),
        ("Police arrested five men. One of them ran the servers.", "en", {"5 people"}),
        ("La denuncia di tre persone, due delle quali titolari.", "it", {"3 people", "2 people"}),
        ("Customs arrested eight persons. Four of them are shop owners.", "en",
         {"8 people", "4 shop owners"}),
        ("Tramite 46 siti web, 19 dei quali inibiti e 27 sequestrati.", "it",
         {"46 sites", "19 sites", "27 sites"}),
    ],
)  # fmt: skip
def test_parts_of_a_count_of_them_and_of_whom(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Centocinquanta uomini impegnati in venti province. La Guardia di Finanza ha agito.", "it",
         {"150 police officers", "20 provinces"}),
        ("The police said 200 men were deployed.", "en", {"200 police officers"}),
        ("The police arrested 3 men involved in the scheme.", "en", {"3 people"}),
    ],
)  # fmt: skip
def test_men_deployed_in_a_police_operation_are_police_officers(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


def test_a_prison_term_of_years_and_months() -> None:
    assert figures("L'homme a écopé de deux ans et neuf mois de prison.", "fr") == {"2.75 years"}


def test_millions_with_no_currency_after_a_sum_take_its_currency() -> None:
    text = "Il giro avrebbe fruttato 10 milioni di euro, a fronte di un danno stimato in oltre 30 milioni."
    assert figures(text, "it") == {"10000000 EUR", "30000000 EUR"}


def test_counts_of_the_earlier_operation_this_one_follows_are_not_its_own() -> None:
    text = (
        "L'inchiesta è il seguito dell'operazione «Gotha», condotta nel 2022, che aveva portato a più di "
        "70 perquisizioni. Ora gli arrestati sono 8 persone."
    )
    assert figures(text, "it") == {"8 people"}


def test_android_boxes_are_decoders() -> None:
    assert figures("Five android boxes pre-loaded with content were confiscated.", "en") == {"5 decoders"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Se aseguraron 22 mil 100 pliegos impresos y 2 mil 250 pliegos de papel.", "es",
         {"22100 printed sheets", "2250 sheets"}),
        ("La police a saisi plus de 160 000 manuels contrefaits.", "fr", {"160000 textbooks"}),
        ("In manette sono finiti dieci pregiudicati.", "it", {"10 people"}),
    ],
)  # fmt: skip
def test_sheets_textbooks_and_people_with_a_record(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La Justicia dejó libres a 20 de las 32 personas detenidas hoy.", "es", {"20 people"}),
        ("Police seized 5 of the 12 servers.", "en", {"5 servers"}),
    ],
)
def test_a_part_of_a_count_takes_its_unit(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La Finanza ha sequestrato 12 computer, 4 pc e 2 hard disk esterni.", "it",
         {"12 computers", "4 computers", "2 hard disks"}),
        ("Officers seized 300 computer servers and 2 computer monitors.", "en",
         {"300 servers", "2 monitors"}),
        ("Foram apreendidos 3 discos externos e o site tinha 90 mil utilizadores.", "pt",
         {"3 hard drives", "90000 users"}),
    ],
)  # fmt: skip
def test_computers_drives_and_users_in_each_language(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_an_age_is_no_count_of_people() -> None:
    # the man is one person; his 31 years count nobody
    assert figures("Un homme de 31 ans a été mis en examen.", "fr") == {"1 people"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Polícia Judiciária fez buscas em Braga com 40 elementos.", {"40 police officers"}),
        ("A PSP agiu com 12 elementos da Autoridade de Segurança Alimentar e Económica.", set()),
    ],
)
def test_members_of_a_police_operation_are_officers_but_not_another_bodys(
    text: str, expected: set[str]
) -> None:
    assert figures(text, "pt") == expected


def test_a_title_rounding_a_sum_the_text_gives_in_full_is_that_sum() -> None:
    text = "Un pirate condamné à 12 millions d'euros\n\nIl versera 12,04 millions d'euros aux ayants droit."
    assert figures(text, "fr") == {"12040000 EUR"}


def test_two_close_sums_in_the_text_stay_two_sums() -> None:
    text = "Il a gagné 12 millions d'euros, puis il a versé 12,04 millions d'euros aux ayants droit."
    assert figures(text, "fr") == {"12000000 EUR", "12040000 EUR"}


def test_gnr_members_are_police_officers() -> None:
    assert figures("As buscas mobilizaram 64 militares da GNR.", "pt") == {"64 police officers"}


def test_iptv_control_panels() -> None:
    assert figures("Sono 9 i pannelli di controllo sequestrati.", "it") == {"9 control panels"}


def test_an_earlier_conviction_of_the_same_man_gives_no_figures() -> None:
    text = (
        "Il a été condamné à 12 mois de prison. Le même tribunal l'avait déjà condamné en 2011, pour des "
        "faits identiques, à 900 000 euros d'amendes."
    )
    assert figures(text, "fr") == {"12 months"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La diligencia terminó con dos hermanos detenidos.", "es", {"2 people"}),
        ("Quindici degli indagati ricevevano il reddito di cittadinanza.", "it", set()),
        ("Four men were taken into custody. Two were held in Spanish Town.", "en", {"4 people"}),
    ],
)
def test_people_counted_by_their_fate_with_no_auxiliary(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_what_anyone_found_guilty_can_be_fined_is_the_laws_penalty() -> None:
    text = "Anyone found guilty can be fined up to RM200,000, jailed for up to 20 years, or both."
    assert figures(text, "en") == set()


def test_a_running_total_that_already_sums_seizures_is_no_figure_of_the_operation() -> None:
    text = "A Receita apreendeu 900 caixas. A divisão já soma 107 mil aparelhos de TV box apreendidos."
    assert figures(text, "pt") == {"900 boxes"}


def test_devices_in_the_title_and_the_same_count_of_tv_boxes_are_one_count() -> None:
    text = (
        "Receita apreende 4.800 aparelhos no porto\n\nA Receita Federal apreendeu 4.800 aparelhos de TV box."
    )
    assert figures(text, "pt") == {"4800 decoders"}


def test_the_fine_and_prison_term_the_law_punishes_with_are_no_figures() -> None:
    text = (
        "In tutto 46 persone sono state segnalate, per reati puniti con la reclusione da uno a quattro anni "
        "e con una multa tra 2.582 e 15.493 euro."
    )
    assert figures(text, "it") == {"46 people"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ils pourraient être accusés en vertu de l'article 380(1) du Code criminel.", "fr"),
        ("Il processo potrebbe concludersi con una condanna fino a tre anni di reclusione.", "it"),
    ],
)
def test_a_laws_subsection_and_a_possible_sentence_are_no_figures(text: str, lang: str) -> None:
    assert figures(text, lang) == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La Fiscalía ocupó 23 inmuebles donde se falsificaban libros.", "es", {"23 properties"}),
        ("Police searched three properties in Helsinki.", "en", {"3 searches"}),
        ("Un lot de 40 100 ouvrages scolaires contrefaits a été saisi.", "fr", {"40100 books"}),
        ("Il a téléchargé des œuvres à partir des 10 837 groupes, dont 2 120 binaires.", "fr",
         {"10837 groups", "2120 groups"}),
    ],
)  # fmt: skip
def test_properties_school_books_and_a_part_with_thousands(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Los agentes intervinieron 10.300 discos compactos.", "es", {"10300 CDs"}),
        ("Les policiers ont saisi 500 disques compacts.", "fr", {"500 CDs"}),
        ("Customs seized 6,800 compact discs at the port.", "en", {"6800 CDs"}),
    ],
)
def test_compact_discs_are_cds(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Entre lo incautado figuran 32.000 copias de música, 17.000 de películas.",
            {"32000 copies", "17000 copies"},
        ),
        (
            "La red podía distribuir 336.000 copias musicales y 197.000 de vídeo.",
            {"336000 copies", "197000 copies"},
        ),
    ],
)
def test_a_count_whose_noun_is_left_out_counts_the_noun_before(text: str, expected: set[str]) -> None:
    assert figures(text, "es") == expected


def test_a_count_after_money_keeps_its_own_reading() -> None:
    text = "El material vale 25.500 euros, y 14 de los detenidos eran menores."
    assert figures(text, "es") == {"25500 EUR"}


def test_the_raids_before_the_latest_of_several_are_not_counted() -> None:
    text = (
        "Police seized more than 10,000 counterfeit discs at a car boot sale on Sunday.\n\n"
        "The raid is the latest of several in the area. In May, police seized 50,000 bootleg CDs "
        "valued at around £100,000 at another sale."
    )
    drafted = {f.key for f in extract_facts(read_article(text, "en")) if f.kind == "figure"}
    assert drafted == {"10000 discs"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Una de cada tres grabadoras intervenidas había salido de esta empresa.", "es"),
        ("One in five discs sold in the market is a copy.", "en"),
    ],
)
def test_the_base_of_a_share_is_no_count(text: str, lang: str) -> None:
    assert figures(text, lang) == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Les serveurs contenaient 40 To de films.", "fr", {"40 terabytes"}),
        ("I server contenevano 150 terabyte di film.", "it", {"150 terabytes"}),
        ("The servers held 150 TB of films and 3 GB of logs.", "en", {"150 terabytes", "3 gigabytes"}),
    ],
)
def test_data_counted_by_its_size(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_to_is_a_terabyte_only_in_french() -> None:
    assert "40 terabytes" not in figures("Police put the site on its 40 To Watch list.", "en")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ils contenaient de quarante à cinquante téraoctets.", "fr", {"40 terabytes", "50 terabytes"}),
        ("Police seized between forty and fifty servers.", "en", {"40 servers", "50 servers"}),
        ("Fueron incautados entre dos y tres millones de euros.", "es", {"2000000 EUR", "3000000 EUR"}),
    ],
)
def test_a_range_written_in_words_gives_both_ends(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_a_word_number_before_a_number_in_digits_opens_no_range() -> None:
    text = "Se requisaron 52 discos duros que guardaban 60 juegos cada uno y 9 notebooks."
    assert figures(text, "es") == {"52 hard drives", "60 games", "9 laptops"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La industria cinematográfica sufre una pérdida anual de 330 millones de dólares.", "es"),
        ("As editoras calculam perder R$ 350 milhões por ano com as cópias.", "pt"),
        ("O governo brasileiro perde todos os anos R$ 30 bilhões em impostos.", "pt"),
    ],
)
def test_a_trade_s_or_a_state_s_yearly_losses_are_context(text: str, lang: str) -> None:
    assert figures(text, lang) == set()


def test_the_yearly_damage_of_the_crimes_investigated_stays() -> None:
    text = "O ministério calcula que os crimes causem um prejuízo de R$ 366 milhões por ano."
    assert figures(text, "pt") == {"366000000 BRL"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Se incautaron bienes por 3 mil millones de pesos chilenos.", {"3000000000 CLP"}),
        ("El fraude superó los 6 mil millones de euros.", {"6000000000 EUR"}),
    ],
)
def test_a_thousand_millions_is_a_billion(text: str, expected: set[str]) -> None:
    assert figures(text, "es") == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Neste ano, 49 pessoas já foram presas pelo mesmo crime.", "pt"),
        ("This year the police have already arrested 49 people for the same offence.", "en"),
    ],
)
def test_a_year_s_tally_told_by_the_year_and_already_is_no_count(text: str, lang: str) -> None:
    assert figures(text, lang) == set()


def test_already_alone_keeps_the_count() -> None:
    assert figures("Police have already arrested 12 people in the operation.", "en") == {"12 people"}


def test_a_number_against_letters_closing_the_text_is_read_without_error() -> None:
    text = "Police seized 300 discs in Lusaka. The dealer paid a fine of K500"
    assert figures(text, "en") == {"300 discs", "500 ZMW"}


def test_a_share_after_of_which_is_no_count() -> None:
    text = "Les douanes ont saisi 4,6 millions d'articles contrefaits, dont 70 % venaient d'Asie."
    assert figures(text, "fr") == {"4600000 counterfeit goods"}


def test_an_ordinal_ending_in_and_opens_no_range() -> None:
    assert figures("Le prime due denunce sono arrivate sabato sera.", "it") == {"2 complaints"}


def test_a_unit_joined_to_the_next_word_qualifies_it() -> None:
    text = "Officers seized four DVD-replicating machines and 300 DVDs."
    assert figures(text, "en") == {"300 DVDs"}


def test_suspended_terms_in_months_are_prison_terms() -> None:
    text = "Les deux autres écopent de trois et quatre mois avec sursis."
    assert figures(text, "fr") == {"3 months", "4 months"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Em três dias de ação, mais de 20 mil mídias foram apreendidas.", "pt", {"20000 discs"}),
        ("Le conseil a suspendu vingt chaînes pendant 45 jours.", "fr", {"45 days", "20 channels"}),
        ("Segundo a polícia, 90% dos quiosques não abriram.", "pt", set()),
        (
            "Sono indagati i 6 gestori: un reato che, se confermato, comporta da 1 a 4 anni di carcere.",
            "it",
            {"6 people"},
        ),
    ],
)
def test_durations_shares_and_penalties_of_the_law(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La PGR decomisó más de 5 toneladas de discos apócrifos.", "es", {"5 tonnes"}),
        ("A IGAC destruiu cinco toneladas de material apreendido.", "pt", {"5 tonnes"}),
        ("Police seized 973 kg of counterfeit discs.", "en", {"973 kilograms"}),
    ],
)
def test_goods_seized_by_weight(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_a_case_the_arrest_follows_holds_no_figures() -> None:
    text = (
        "Police seized a dozen servers in Manchester. PIPCU is a specialist unit. The arrest follows the "
        "jailing last month of a man, sentenced to 33 months, whose copy was downloaded 700,000 times."
    )
    keys = {f.key for f in extract_facts(read_article(text, "en")) if f.kind == "figure"}
    assert keys == {"12 servers"}


def test_civil_servants_are_people_and_the_laws_punishments_no_terms() -> None:
    text = (
        "A operação mobilizou 36 servidores da Seops e apreendeu 12 servidores de IPTV. "
        "As punições vão de multas a penas de um a oito anos de reclusão."
    )
    assert figures(text, "pt") == {"36 people", "12 servers"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "El fraude podría alcanzar los 10.000 millones de pesetas; cada tarjeta costaba 15.000 pesetas.",
            "es",
            {"10000000000 ESP", "15000 ESP"},
        ),
        (
            "A ação mobilizou 32 policiais e 10 viaturas e apreendeu 36 conversores de TV Box.",
            "pt",
            {"32 police officers", "10 vehicles", "36 decoders"},
        ),
    ],
)
def test_pesetas_police_cars_and_tv_box_converters(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the years of a span of years count nothing
        ("MPA enforcement work in 2005-2006 showed many countries shifting.", "en", set()),
        # an Italian count stated at the sentence's start, before its noun's article
        ("Il blitz ad Acerra. Sei le persone arrestate, tutte campane.", "it", {"6 people"}),
        # Spanish papers' short word for CDs
        ("La Guardia Civil le incautó 410 compactos y otros 8.000 compactos.", "es", {"410 CDs", "8000 CDs"}),
    ],
)
def test_figures_of_round_sixty_five(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a count in millions or lakhs keeps its noun past an adjective, as digits do
        ("Police seized 2 million pirated copies.", "en", {"2000000 copies"}),
        ("Officers found over 25 lakh pirated DVDs, among them recent releases.", "en", {"2500000 DVDs"}),
        # hours are a figure as a penalty of unpaid work
        ("He was sentenced to 150 hours of community service.", "en", {"150 hours"}),
        ("Il devra accomplir 50 heures de travaux d'intérêt général.", "fr", {"50 hours"}),
        ("Fue condenado a 200 horas de trabajos en beneficio de la comunidad.", "es", {"200 hours"}),
        # and not as a duration or a deadline
        ("The suspects must be brought before a court within 48 hours.", "en", set()),
        ("L'operazione è durata 12 ore.", "it", set()),
        # clubs and jukeboxes are counted
        (
            "La policía revisó 47 clubes de alterne e intervino 25 gramolas.",
            "es",
            {"47 clubs", "25 jukeboxes"},
        ),
    ],
)
def test_figures_of_round_sixty_seven(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # one person named by a singular noun, then what happened to them
        ("A man has been arrested for running the trade from his home.", "en", {"1 people"}),
        ("Un homme de 58 ans a été arrêté mercredi.", "fr", {"1 people"}),
        ("Un responsabile è stato denunciato all'autorità giudiziaria.", "it", {"1 people"}),
        ("Uma pessoa foi presa em flagrante.", "pt", {"1 people"}),
        # the text counts a suspect
        ("The board said one suspect was arrested.", "en", {"1 suspects"}),
        # a person seen, or a thing arrested, is no count
        ("Un homme a été vu près du marché.", "fr", set()),
        ("A website was arrested.", "en", set()),
        # Brazil's software resellers, bags and a copying tower's drives
        ("As autoridades abordaram 59 revendas e levaram 85 sacolas.", "pt", {"59 resellers", "85 bags"}),
        ("O laboratório tinha 15 drives de gravação.", "pt", {"15 drives"}),
    ],
)
def test_figures_of_round_sixty_eight(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a British prison term written without "and", and a year in the singular before its noun
        ("He was jailed for four years six months.", "en", {"4.5 years"}),
        ("The fifth was given a two year suspended sentence.", "en", {"2 years"}),
        # the GNR's sergeants and guards are its officers
        (
            "Participaram três oficiais, dois sargentos e 22 guardas da GNR.",
            "pt",
            {"2 police officers", "22 police officers"},
        ),
    ],
)
def test_figures_of_round_sixty_nine(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Se intervinieron 50 pantalones, 114 carteras, 50 gafas de sol, 120 camisetas, "
            "48 camisas y 50 chándales.",
            "es",
            {"50 trousers", "114 wallets", "50 sunglasses", "120 T-shirts", "48 shirts", "50 tracksuits"},
        ),
        (
            "Sequestrati 300 magliette, 40 cinture e 25 occhiali da sole contraffatti.",
            "it",
            {"300 T-shirts", "40 belts", "25 sunglasses"},
        ),
        (
            "Les douaniers ont saisi 200 tee-shirts, 80 ceintures et 35 survêtements.",
            "fr",
            {"200 T-shirts", "80 belts", "35 tracksuits"},
        ),
    ],
)
def test_clothes_and_accessories_of_a_counterfeit_seizure_are_counted(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The service has dealt with seven DVD shops in Bradford.", {"7 shops"}),
        ("Police raided 12 DVD stores and three CD stalls.", {"12 shops", "3 stalls"}),
        # a unit phrase the lexicon holds whole, and copies, keep their reading
        ("Officers seized 30 DVD players and 4 CD burners.", {"30 DVD players", "4 burners"}),
        ("Police seized 5,000 DVD copies.", {"5000 DVDs"}),
    ],
)
def test_an_english_unit_in_the_singular_qualifies_the_unit_after_it(text: str, expected: set[str]) -> None:
    assert figures(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quelque 1,7 million de supports audiovisuels contrefaits ont été détruits.", {"1700000 discs"}),
        ("Les policiers ont saisi plus de 400 mille supports contrefaits.", {"400000 discs"}),
    ],
)
def test_french_supports_are_recorded_media(text: str, expected: set[str]) -> None:
    assert figures(text, "fr") == expected


def test_english_supports_is_a_verb() -> None:
    assert figures("The agency supports 40 investigations a year.", "en") == {"40 investigations"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Algeria's provinces, as its French press names them
        ("L'office a mené des contrôles dans 23 wilayas du pays.", {"23 provinces"}),
        ("Le site cumulait 2,2 millions de visionnages d'œuvres contrefaites.", {"2200000 views"}),
    ],
)
def test_french_units_of_round_seventy_eight(text: str, expected: set[str]) -> None:
    assert figures(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Officers found 10,000 sleeves and 40 cartons of discs.", "en", {"10000 sleeves", "40 cartons"}),
        ("Les douaniers ont saisi 3.000 VCD.", "fr", {"3000 VCDs"}),
        ("Fueron intervenidas 500 cintas y 20 chips.", "es", {"500 tapes", "20 chips"}),
        ("Sono state sequestrate 6.200 videocassette.", "it", {"6200 videocassettes"}),
        ("A polícia fechou 12 lan houses.", "pt", {"12 LAN houses"}),
        ("Fueron detenidos tres programadores.", "es", {"3 people"}),
        ("Os fiscais lavraram 12 autos de infração.", "pt", {"12 reports"}),
        ("La policía incautó 12 autos robados.", "es", {"12 vehicles"}),
        ("A Anatel mantém 1.180 endereços de IP fora do ar.", "pt", {"1180 IP addresses"}),
    ],
)  # fmt: skip
def test_units_in_the_words_the_text_counts(text: str, lang: str, expected: set[str]) -> None:
    """A reader names what is counted in the text's own terms: sleeves are not covers, tapes
    not cassettes, and Portuguese "autos" are records where Spanish ones are cars."""
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Nello stesso periodo del 2014 gli arrestati erano stati 33.", "it", set()),
        ("Durante 2019 personas compraron discos.", "es", set()),
        ("By the end of 2008 files were shared by 300 users.", "en", {"300 users"}),
        ("Na operação do 2010 discos foram apreendidos.", "pt", set()),
    ],
)  # fmt: skip
def test_a_year_after_of_or_during_counts_nothing(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


def test_a_comma_and_three_digits_before_million_is_a_decimal_outside_english() -> None:
    assert figures("Le montant des condamnations atteint 1,325 million d'euros.", "fr") == {"1325000 EUR"}


def test_a_comma_and_three_digits_before_million_groups_thousands_in_english() -> None:
    assert figures("The damages reached 1,325 million dollars.", "en") == {"1325000000 USD"}


def test_police_actions_are_counted_as_actions() -> None:
    assert figures("Foram realizadas 52 ações policiais e apreendidos 120 mil CDs.", "pt") == {
        "52 actions",
        "120000 CDs",
    }


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("He pleaded guilty to 12 charges and admitted 23 offences.", "en", {"12 charges", "23 offences"}),
        ("El fiscal le imputa 32 cargos por piratería.", "es", {"32 charges"}),
        ("Police seized 500 VCRs and two production lines.", "en", {"500 VCRs", "2 production lines"}),
        ("La Guardia di Finanza ha sequestrato 40 videoregistratori.", "it", {"40 VCRs"}),
    ],
)
def test_charges_offences_and_machines_counted_are_figures(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("He was convicted on three counts of fraud.", "en"),
        ("O tribunal absolveu os arguidos de 37 crimes.", "pt"),
    ],
)
def test_counts_of_a_charge_and_romance_words_for_offences_are_no_figures(text: str, lang: str) -> None:
    assert figures(text, lang) == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "En 1998, le tribunal d'Albi a condamné le vendeur à 400.000 francs d'amende. "
            "La gendarmerie avait saisi 640 CD.",
            "fr",
            {"400000 FRF", "640 CDs"},
        ),
        (
            "La Guardia di Finanza ha sequestrato cassette vendute a 20.000 lire l'una.",
            "it",
            {"20000 ITL"},
        ),
        (
            "En 2001, la police belge a saisi des DVD pour 60 millions de francs.",
            "fr",
            {"60000000 BEF"},
        ),
    ],
)
def test_francs_and_lire_before_the_euro_are_the_countrys_old_money(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


def test_francs_in_a_report_after_the_euro_are_not_frances_old_money() -> None:
    text = "En 2015, au Sénégal, la police a saisi 300 décodeurs vendus 50.000 francs chacun."
    assert figures(text, "fr") == {"300 decoders", "50000 XOF"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("El juez lo condenó a un año de prisión por la venta de discos.", "es", {"1 years"}),
        ("Le tribunal l'a condamné à un an de prison avec sursis.", "fr", {"1 years"}),
        ("Fu condannato a un anno di reclusione.", "it", {"1 years"}),
        ("Il a été condamné à un an et six mois de prison.", "fr", {"1.5 years"}),
        ("Ele foi condenado a um ano e oito meses de prisão.", "pt", {"20 months"}),
        ("He was sentenced to one year in prison.", "en", {"1 years"}),
    ],
)
def test_a_prison_term_of_one_year_written_with_an_article(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Having pleaded guilty, he received a two-year suspended prison sentence.", "en", {"2 years"}),
        ("Quem vende pode ser condenado a detenção de três meses a um ano.", "pt", set()),
    ],
)
def test_an_article_before_a_compound_or_ending_the_laws_range_counts_no_term(
    text: str, lang: str, expected: set[str]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Il sito offriva oltre 300 titoli di anime caricati dagli utenti.", "it", {"300 titles"}),
        ("La policía halló 5.000 títulos de videojuegos en el disco duro.", "es", {"5000 titles"}),
        ("Les enquêteurs ont recensé 18 titres de manuels scolaires contrefaits.", "fr", {"18 titles"}),
    ],
)
def test_titles_of_any_kind_of_work_are_counted_as_titles(text: str, lang: str, expected: set[str]) -> None:
    assert figures(text, lang) == expected
