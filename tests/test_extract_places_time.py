"""Countries, dates and arrests: national bodies name their country, weekdays resolve
against the publication day, background years and warrants are no events or arrests."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import ArticleMeta, draft_dossier, extract_facts, read_article
from extraction.score import draft_facts


def facts_of(text: str, lang: str, published: dt.date | None = None) -> dict[str, set[str]]:
    found = extract_facts(read_article(text, lang), published)
    return {kind: {f.key for f in found if f.kind == kind} for kind in ("country", "date", "arrest")}


def drafted_dates(text: str, lang: str, published: dt.date | None) -> set[str]:
    return draft_facts(draft_dossier(text, ArticleMeta(published=published), lang))["date"]


FRIDAY = dt.date(2023, 3, 17)


def test_a_national_police_names_its_country() -> None:
    text = "La Guardia Civil ha detenido a tres personas por vender listas de canales piratas."
    assert facts_of(text, "es", FRIDAY) == {"country": {"ES"}, "date": set(), "arrest": {"ES"}}


def test_a_citizenship_is_not_a_country_of_the_operation() -> None:
    text = "The man, a citizen of Norway, was arrested in Cyprus."
    assert facts_of(text, "en")["country"] == {"CY"}


def test_latin_america_is_not_the_united_states() -> None:
    assert facts_of("La red vendía suscripciones en toda América Latina.", "es")["country"] == set()


def test_portuguese_arrest_words() -> None:
    text = "A Polícia Judiciária prendeu dois homens suspeitos de pirataria."
    assert facts_of(text, "pt")["arrest"] == {"PT"}


def test_a_warrant_several_words_before_is_no_arrest() -> None:
    text = "Las órdenes de registro y de detención fueron dictadas por un juzgado de Francia."
    assert facts_of(text, "es")["arrest"] == set()


def test_a_possible_arrest_is_no_arrest() -> None:
    assert facts_of("The operators could be arrested in France next year.", "en")["arrest"] == set()


def test_this_friday_includes_the_publication_day() -> None:
    assert facts_of("Ce vendredi, les gendarmes ont saisi trois serveurs.", "fr", FRIDAY)["date"] == {
        "2023-03-17"
    }


def test_last_friday_is_strictly_before() -> None:
    assert facts_of("Last Friday, officers seized three servers.", "en", FRIDAY)["date"] == {"2023-03-10"}


def test_the_day_in_parentheses_settles_the_weekday() -> None:
    text = "A polícia deflagrou nesta quinta-feira (16) uma operação contra a pirataria."
    assert facts_of(text, "pt", FRIDAY)["date"] == {"2023-03-16"}


def test_early_year_gives_the_year() -> None:
    text = "La investigación comenzó a principios de 2021 tras una denuncia."
    assert facts_of(text, "es", FRIDAY)["date"] == {"2021"}


def test_a_site_active_since_a_year_gives_no_event() -> None:
    text = "The site, online since 2015, was shut down on 3 March 2023."
    assert drafted_dates(text, "en", FRIDAY) == {"2023-03-03"}


def test_the_day_something_was_said_is_no_event() -> None:
    text = "Police said on Friday that the site had many users. Its servers were seized on 2 March."
    assert drafted_dates(text, "en", FRIDAY) == {"2023-03-02"}


def test_a_range_of_months_of_activity_is_no_event() -> None:
    text = "From May 2019 to June 2021 the man ran the site. He was arrested on 14 March 2023."
    assert drafted_dates(text, "en", FRIDAY) == {"2023-03-14"}


def test_this_week_gives_its_month() -> None:
    assert facts_of("Cette semaine, la police a fermé le site.", "fr", FRIDAY)["date"] == {"2023-03"}


def test_no_year_is_invented_without_a_publication_date() -> None:
    assert facts_of("Ce vendredi, la police a fermé le site en avril.", "fr")["date"] == set()


def test_everyday_names_of_the_netherlands_and_great_britain() -> None:
    text = "I server erano ospitati in Olanda e in Gran Bretagna."
    assert facts_of(text, "it")["country"] == {"NL", "GB"}
    assert facts_of("Hollande a parlé. Les serveurs étaient en Hollande.", "fr")["country"] == {"NL"}


def test_usa_is_a_country_in_italian_but_not_a_verb() -> None:
    assert facts_of("Il gruppo operava anche negli Usa e in Canada.", "it")["country"] == {"US", "CA"}
    assert facts_of("Usa un decoder pirata.", "it")["country"] == set()


def test_a_foreign_police_arrest_on_a_wrapped_line() -> None:
    text = (
        "La Polizia di Stato ha perquisito dieci case in Italia e in Grecia. "
        "La polizia greca ha\narrestato due uomini."
    )
    assert facts_of(text, "it")["arrest"] == {"GR"}


def test_an_arrest_without_place_in_an_international_operation_is_unknown() -> None:
    text = (
        "The operation ran in Spain, Portugal, France and Italy. Police said one man was arrested on Monday."
    )
    assert facts_of(text, "en")["arrest"] == {"unknown"}


def test_an_arrest_without_place_takes_the_only_place_the_operation_acted() -> None:
    text = "Brazil's police blocked 40 sites with help from US agencies. Two men were arrested."
    assert facts_of(text, "en")["arrest"] == {"BR"}


def test_one_arrest_and_searches_abroad_leave_the_arrest_place_unknown() -> None:
    text = (
        "Spanish police worked with the Portuguese and Andorran police. One man was arrested and "
        "four homes were searched, two in Portugal and two in Andorra."
    )
    assert facts_of(text, "en", FRIDAY) == {
        "country": {"ES", "PT", "AD"},
        "date": set(),
        "arrest": {"unknown"},
    }


def test_a_requesting_country_is_not_where_the_arrest_was() -> None:
    text = "The two men were arrested on Feb. 9 in Lima, Peru, at the request of the U.S."
    assert facts_of(text, "en", FRIDAY) == {"country": {"PE", "US"}, "date": {"2023-02-09"}, "arrest": {"PE"}}


def test_arrest_warrants_carried_out_are_arrests() -> None:
    text = "Foram cumpridos 12 mandados de busca e cinco ordens de prisão, três no Brasil e duas no Paraguai."
    assert facts_of(text, "pt", FRIDAY) == {"country": {"BR", "PY"}, "date": set(), "arrest": {"BR", "PY"}}


def test_a_year_month_span_of_the_operation_on_wrapped_lines() -> None:
    text = (
        "Between March 2021 and June 2022, the police and Europol ran\n"
        "Operation Nightfall against twelve piracy sites."
    )
    assert drafted_dates(text, "en", FRIDAY) == {"2021-03", "2022-06"}


def test_a_season_gives_its_year() -> None:
    text = "La operación, llevada a cabo en el verano de 2021, cerró cuarenta webs."
    assert drafted_dates(text, "es", FRIDAY) == {"2021"}
    text = "The operation was carried out in the summer of 2020."
    assert drafted_dates(text, "en", FRIDAY) == {"2020"}


def test_dawn_and_this_morning_are_the_publication_day() -> None:
    text = "All'alba è scattata l'operazione della Polizia postale contro le IPTV."
    assert drafted_dates(text, "it", FRIDAY) == {"2023-03-17"}
    text = "This morning police raided four homes in an operation against piracy."
    assert drafted_dates(text, "en", FRIDAY) == {"2023-03-17"}


def test_dawn_of_a_named_day_is_that_day() -> None:
    text = "All'alba di martedì è scattata l'operazione della Polizia postale."
    assert drafted_dates(text, "it", FRIDAY) == {"2023-03-14"}


def test_the_month_of_a_month_named_without_a_year() -> None:
    text = "L'indagine, avviata lo scorso mese di gennaio, ha portato al sequestro di 40 siti."
    assert drafted_dates(text, "it", FRIDAY) == {"2023-01"}


def test_a_press_release_day_is_no_event() -> None:
    text = "12 March 2023 - Press Release\n\nPolice seized servers in an operation against piracy."
    assert drafted_dates(text, "en", FRIDAY) == set()
    text = "La red fue desmantelada, según ha comunicado este viernes la policía, tras una operación."
    assert drafted_dates(text, "es", FRIDAY) == set()


def test_a_state_or_province_places_the_arrest_in_its_country() -> None:
    text = (
        "Os aparelhos vinham do Uruguai, do Paraguai e da China. Seis homens foram presos no "
        "Mato Grosso do Sul e em Santa Catarina."
    )
    assert facts_of(text, "pt")["arrest"] == {"BR"}
    text = "Seis personas han sido detenidas: cuatro en la provincia de Sevilla y dos en Francia."
    assert facts_of(text, "es")["arrest"] == {"ES", "FR"}


def test_a_province_two_countries_name_alike_places_nothing() -> None:
    # Zambia's North-Western province and Sri Lanka's North Western Province.
    text = "Zambia's police raided markets. Ten sellers were arrested in the North-Western Province."
    assert facts_of(text, "en")["arrest"] == {"ZM"}


def test_a_large_city_places_the_arrest_in_its_country() -> None:
    text = "Os agentes cumpriram mandados e prenderam em Porto Alegre doze pessoas, com apoio do Paraguai."
    assert facts_of(text, "pt")["arrest"] == {"BR"}
    text = "Detectives seized servers in Germany and arrested two men in Nairobi."
    assert facts_of(text, "en")["arrest"] == {"KE"}


def test_a_city_two_countries_share_places_nothing() -> None:
    # Hyderabad is a large city of India and of Pakistan: the arrest stays with the one
    # country the article names.
    text = "La policía registró dos locales en Francia y detuvo a un hombre en Hyderabad."
    assert facts_of(text, "es")["arrest"] == {"FR"}


def test_a_small_city_is_not_read_by_its_foreign_spellings() -> None:
    text = "Les policiers ont saisi le matériel dans les quartiers Hamo 06 et Sam Notaire, à Dakar."
    assert facts_of(text, "fr")["country"] == {"SN"}


def test_a_province_inside_a_body_name_places_nothing() -> None:
    text = "The Procura di Napoli worked with police in France, Spain and Greece. Two men were arrested."
    assert facts_of(text, "en")["arrest"] == {"unknown"}


def test_an_operation_counted_in_countries_leaves_an_unplaced_arrest_unknown() -> None:
    text = (
        "Police arrested 14 suspects in the operation. Agencies from nine countries took part, "
        "with partners in Canada."
    )
    assert facts_of(text, "en")["arrest"] == {"unknown"}


def test_two_months_of_one_year_give_the_year() -> None:
    published = dt.date(2024, 6, 3)
    assert facts_of("Gli utenti sono stati convocati tra marzo e aprile 2024.", "it", published)["date"] == {
        "2024"
    }
    text = "The raids took place in September and October of this year."
    assert facts_of(text, "en", dt.date(2022, 12, 1))["date"] == {"2022"}


def test_the_first_day_of_a_day_range() -> None:
    text = "As reuniões decorreram entre 3 e 7 de março, em Lisboa."
    assert facts_of(text, "pt", dt.date(2024, 3, 20))["date"] == {"2024-03-03", "2024-03-07"}


def test_a_dateline_is_no_event() -> None:
    text = "Pirate site closed\n\n4 March 2021\n\nPolice closed the site on 2 March 2021."
    assert drafted_dates(text, "en", dt.date(2021, 3, 4)) == {"2021-03-02"}


def test_a_site_opened_years_ago_is_background() -> None:
    text = "Le tribunal a condamné en mars 2020 l'administrateur du site pirate, ouvert en 2011."
    assert drafted_dates(text, "fr", dt.date(2020, 5, 4)) == {"2020-03"}
    text = "The inquiry opened in May 2019 after a complaint."
    assert drafted_dates(text, "en", dt.date(2020, 5, 4)) == {"2019-05"}


def test_a_revealed_date_is_an_announcement() -> None:
    text = "On March 2 the unit revealed that the operator had been arrested in February."
    assert drafted_dates(text, "en", dt.date(2023, 3, 10)) == {"2023-02"}


def test_an_article_naming_no_country_acts_where_its_places_are() -> None:
    text = "La brigade a démantelé un réseau dans la banlieue de Dakar et interpellé deux hommes."
    assert facts_of(text, "fr") == {"country": {"SN"}, "date": set(), "arrest": {"SN"}}


def test_no_arrest_when_the_text_says_there_is_none() -> None:
    text = "Hubo allanamientos en Rosario, pero todavía no hay ninguna persona detenida."
    assert facts_of(text, "es")["arrest"] == set()


def test_years_of_prison_are_no_arrest() -> None:
    text = "Em Atenas, um tribunal condenou o revendedor a seis anos de prisão."
    assert facts_of(text, "pt")["arrest"] == set()


def test_a_country_after_a_company_name_is_its_branch() -> None:
    text = "La denuncia de LaLiga de España llegó a un juzgado de Córdoba, en la Argentina."
    assert facts_of(text, "es")["country"] == {"AR"}


def test_a_month_opened_by_a_period_word_and_said_to_be_past() -> None:
    text = "La causa se inició a fines de febrero pasado, con una denuncia."
    assert facts_of(text, "es", dt.date(2024, 11, 20))["date"] == {"2024-02"}
    text = "The complaint was filed in late March."
    assert facts_of(text, "en", dt.date(2024, 5, 2))["date"] == {"2024-03"}


def test_a_season_with_no_year_is_the_latest_before_publication() -> None:
    text = "Los locales recibieron una carta después del verano."
    assert facts_of(text, "es", dt.date(2019, 11, 5))["date"] == {"2019"}
    text = "Les lettres sont parties pendant l'hiver."
    assert facts_of(text, "fr", dt.date(2019, 3, 5))["date"] == {"2018"}
    assert facts_of("La rete era attiva nell'estate del 2017.", "it", dt.date(2019, 3, 5))["date"] == {"2017"}


def test_a_paragraph_about_an_earlier_case_is_context() -> None:
    text = (
        "La gendarmerie a fermé le site Cinéflux le 3 mars 2021.\n\n"
        "Un précédent lourd. En 2019, la justice avait condamné l'administrateur du site pirate "
        "Toriflix à 2 millions d'euros d'amende."
    )
    found = extract_facts(read_article(text, "fr"), dt.date(2021, 3, 5))
    assert {f.key for f in found if f.kind in {"group", "figure", "date"}} == {"Cinéflux", "2021-03-03"}


def test_recent_days_are_the_publication_month_when_they_lie_in_it() -> None:
    text = "En las últimas horas hubo allanamientos contra la banda."
    assert facts_of(text, "es", dt.date(2024, 10, 20))["date"] == {"2024-10"}
    assert facts_of(text, "es", dt.date(2024, 10, 3))["date"] == set()


def test_where_a_suspect_lives_is_no_country_and_leaves_the_arrest_unplaced() -> None:
    text = (
        "L'FBI ha diffuso una nota. Due uomini accusati di vendere chiavette pirata sono stati "
        "arrestati. Il primo, 40 anni, vive a Lione, in Francia."
    )
    assert facts_of(text, "it") == {"country": {"US"}, "date": set(), "arrest": {"unknown"}}


def test_where_goods_came_from_is_no_country() -> None:
    text = (
        "La Policía Nacional detuvo a cinco personas en España. "
        "Los descodificadores, importados desde China, se vendían en una web."
    )
    assert facts_of(text, "es") == {"country": {"ES"}, "date": set(), "arrest": {"ES"}}
    italian = "La polizia spagnola ha arrestato tre persone. I decoder arrivavano dalla Cina."
    assert facts_of(italian, "it") == {"country": {"ES"}, "date": set(), "arrest": {"ES"}}


def test_a_service_stopped_is_no_arrest() -> None:
    text = (
        "La police nationale a agi en France. Pour la première fois, un service de streaming "
        "est arrêté en Belgique."
    )
    assert facts_of(text, "fr")["arrest"] == set()


def test_an_arrest_the_text_leaves_in_doubt_is_no_arrest() -> None:
    text = (
        "Trois hommes ont été arrêtés en Espagne. Un juge a confirmé que deux autres personnes "
        "avaient été entendues au Portugal, sans dire si elles avaient été arrêtées."
    )
    assert facts_of(text, "fr")["arrest"] == {"ES"}
    english = "Police questioned two men in Ireland, without saying whether they had been arrested."
    assert facts_of(english, "en")["arrest"] == set()


def test_portuguese_plural_arrests_are_arrests() -> None:
    text = "A Polícia Federal cumpriu 12 mandados, com duas prisões preventivas em Goiânia."
    assert facts_of(text, "pt")["arrest"] == {"BR"}


def test_a_service_counted_since_its_launch_is_background() -> None:
    text = (
        "Le site a été fermé hier par la gendarmerie. Depuis son lancement en mars 2019, "
        "il avait attiré 40.000 visiteurs par mois."
    )
    assert drafted_dates(text, "fr", FRIDAY) == {"2023-03-16"}


def test_extradited_from_a_country_is_still_a_country() -> None:
    text = "Il gestore del sito è stato estradato dalla Spagna e arrestato dai Carabinieri."
    assert facts_of(text, "it")["country"] == {"ES", "IT"}


def test_where_goods_were_made_or_an_audience_lives_is_no_country() -> None:
    text = (
        "A Polícia Federal prendeu dois homens no Brasil. Fabricados na Índia, os aparelhos "
        "chegavam a 5 mil clientes espalhados por vários estados e também pela Argentina."
    )
    assert facts_of(text, "pt") == {"country": {"BR"}, "date": set(), "arrest": {"BR"}}


def test_where_users_or_visitors_are_is_no_country_of_the_operation() -> None:
    text = (
        "La police belge a fermé un service qui comptait 80 000 abonnés en France et au Luxembourg. "
        "Le site attirait des visiteurs venus surtout d'Allemagne, d'Autriche et de Suisse."
    )
    assert facts_of(text, "fr")["country"] == {"BE"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "La police égyptienne a fermé le site. Ses visiteurs venaient surtout des États-Unis.",
            "fr",
            {"EG"},
        ),
        (
            "Egyptian police shut the site down. Its visitors came mostly from the United States and Canada.",
            "en",
            {"EG"},
        ),
        (
            "La policía egipcia cerró la web. Sus visitas procedían sobre todo de Estados Unidos y Canadá.",
            "es",
            {"EG"},
        ),
        (
            "A polícia egípcia fechou o site. Os visitantes vinham sobretudo dos Estados Unidos e do Canadá.",
            "pt",
            {"EG"},
        ),
    ],
)
def test_where_visitors_came_from_is_no_country_of_the_operation(
    text: str, lang: str, expected: set[str]
) -> None:
    assert facts_of(text, lang)["country"] == expected


def test_an_audience_country_stays_when_the_article_names_no_other() -> None:
    text = "Le site comptait 2 millions de visiteurs rien qu'en Italie avant sa fermeture."
    assert facts_of(text, "fr")["country"] == {"IT"}


def test_a_body_s_seat_abroad_leaves_an_arrest_in_the_operation_s_country() -> None:
    text = (
        "En Tunisie, deux hommes ont été arrêtés pour piratage. L'enquête avait été demandée par "
        "une coalition de studios basée aux États-Unis."
    )
    assert facts_of(text, "fr")["arrest"] == {"TN"}


def test_precautionary_measures_alone_are_no_arrest() -> None:
    text = "I Carabinieri hanno eseguito misure cautelari a carico di quattro persone a Bari."
    assert facts_of(text, "it")["arrest"] == set()
    text = "I Carabinieri hanno eseguito un'ordinanza di custodia cautelare a Bari."
    assert facts_of(text, "it")["arrest"] == {"IT"}


def test_the_emirates_named_without_united() -> None:
    text = "I server erano in Germania e negli Emirati Arabi."
    assert facts_of(text, "it")["country"] == {"DE", "AE"}


def test_a_trial_that_opened_is_an_event_not_a_launch() -> None:
    text = "Ce mardi s'est ouvert à Lyon le procès des trois gérants du site."
    assert drafted_dates(text, "fr", FRIDAY) == {"2023-03-14"}


def test_a_site_s_audience_is_no_trial() -> None:
    text = "Le site, ouvert en 2015, avait une large audience avant sa fermeture par la gendarmerie."
    assert drafted_dates(text, "fr", FRIDAY) == set()


def test_other_countries_given_as_examples_are_no_countries_of_the_operation() -> None:
    text = (
        "La Guardia Civil ha cerrado la web. Otros países, como Francia e Italia, ya persiguen "
        "a los usuarios finales."
    )
    assert facts_of(text, "es")["country"] == {"ES"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # where a suspect comes from
        (
            "The Dutch police arrested the administrator in Rotterdam. The man comes from Moldova.",
            "en",
            {"NL"},
        ),
        # where a network set up its companies
        (
            "La Policía Nacional registró tres domicilios en Sevilla. La red se apoyaba en empresas "
            "constituidas en varios países, entre ellos Panamá, Chipre y Malta.",
            "es",
            {"ES"},
        ),
        # where a site's visits come from
        (
            "A Polícia Federal fechou dois sites em São Paulo, no Brasil, com acessos vindos de "
            "diversos países, principalmente Angola e Moçambique.",
            "pt",
            {"BR"},
        ),
    ],
)
def test_countries_only_mentioned_are_not_the_operation_s(text: str, lang: str, expected: set[str]) -> None:
    assert facts_of(text, lang)["country"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an arrest referred back to adds no place
        (
            "The alleged operator was arrested in Spain on Monday. The Swedish prosecutor "
            "welcomed the arrest in a statement.",
            {"ES"},
        ),
        # of several countries after the arrest word, the one named as a place
        ("The man was arrested in Portugal and now faces German attempts to try him.", {"PT"}),
        # a list after a locative stays a list
        ("Four people were arrested in France and Belgium, the Dutch police said.", {"FR", "BE"}),
    ],
)
def test_where_an_arrest_took_place(text: str, expected: set[str]) -> None:
    assert facts_of(text, "en")["arrest"] == expected


@pytest.mark.parametrize(
    ("text", "lang", "published", "expected"),
    [
        # a document's date is no event
        (
            "Police arrested the operator of the site on 3 March 2024. The coalition announced "
            "the arrest in a press release dated 8 March 2024.",
            "en",
            None,
            {"2024-03-03"},
        ),
        # a similar, earlier operation's date is background
        (
            "La Policía Nacional ha desarticulado una red de IPTV en Sevilla, después de que en "
            "marzo de 2021 anunciara el final de una estructura parecida.",
            "es",
            FRIDAY,
            set(),
        ),
        # early in a year
        (
            "Las pesquisas empezaron a comienzos de 2022, cuando LaLiga denunció a un vendedor.",
            "es",
            FRIDAY,
            {"2022"},
        ),
        # a news agency's dateline is no event
        (
            "Madrid, 14 de marzo (EFE).- La Guardia Civil ha cerrado una web de descargas.",
            "es",
            dt.date(2023, 3, 14),
            set(),
        ),
        # the day something was made known is no event
        (
            "La red tenía 8 millones de usuarios, según dio a conocer este viernes LaLiga.",
            "es",
            FRIDAY,
            set(),
        ),
        # a month of last year
        (
            "La investigación de la Policía comenzó en noviembre del año pasado.",
            "es",
            dt.date(2012, 3, 29),
            {"2011-11"},
        ),
        # a day of last year: the day, and no year of its own for "last year"
        (
            "He was arrested on July 4th last year and was sentenced today.",
            "en",
            dt.date(2024, 6, 4),
            {"2023-07-04", "2024-06-04"},
        ),
        (
            "Il avait été interpellé le 4 juillet de l'année dernière par les gendarmes.",
            "fr",
            dt.date(2024, 6, 4),
            {"2023-07-04"},
        ),
        (
            "Fue detenido por la Policía el 4 de julio del año pasado.",
            "es",
            dt.date(2024, 6, 4),
            {"2023-07-04"},
        ),
        # the first months of a year
        (
            "Nei primi mesi del 2020 gli investigatori della Finanza avevano individuato un rivenditore.",
            "it",
            FRIDAY,
            {"2020"},
        ),
    ],
)
def test_which_dates_are_the_operation_s(
    text: str, lang: str, published: dt.date | None, expected: set[str]
) -> None:
    assert drafted_dates(text, lang, published) == expected


def test_without_a_publication_date_a_day_takes_the_article_s_one_year() -> None:
    text = (
        "Regional police arrested the man behind two streaming sites on October 16. "
        "The coalition told of it in a statement dated October 20, 2023."
    )
    assert drafted_dates(text, "en", None) == {"2023-10-16"}


def test_without_a_publication_date_two_years_give_a_day_no_year() -> None:
    text = (
        "Police arrested the man on October 16. The site opened in March 2019; the operator "
        "was charged in May 2021."
    )
    assert drafted_dates(text, "en", None) == {"2021-05"}


def test_an_undated_draft_s_id_says_so() -> None:
    draft = draft_dossier("Police arrested the man behind the pirate site StreamX.", ArticleMeta(), "en")
    assert draft.id == "undated-streamx"


def test_without_a_publication_date_the_id_takes_the_earliest_event_s_year() -> None:
    text = (
        "Police shut down the pirate site StreamX. The investigation began in March 2021 and "
        "the operator was charged in May 2022."
    )
    assert draft_dossier(text, ArticleMeta(), "en").id == "2021-streamx"


def test_every_country_code_in_the_lexicon_is_a_code() -> None:
    """YAML reads an unquoted NO as false: Norway's codes must stay strings."""
    from extraction.lexicon import lexicon

    words = lexicon()
    entries = [e for kind in ("agencies", "platforms", "organizations") for e in words[kind]]
    assert [e["name"] for e in entries if "country" in e and not isinstance(e["country"], str)] == []
    assert [k for k in words["nationalities"] if not isinstance(k, str)] == []


def test_norways_police_by_adjective_is_okokrim_s_country() -> None:
    assert facts_of("Titre\n\nLa police norvégienne a saisi le domaine.", "fr")["country"] == {"NO"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Titre\n\nLa police a saisi des boîtiers aux Açores.", "fr", {"PT"}),
        ("Title\n\nThe suspect was arrested at an airport in Incheon on Monday.", "en", {"KR"}),
        ("Title\n\nA court in Hanoi sentenced the operator.", "en", {"VN"}),
    ],
)
def test_regions_by_the_short_names_papers_write(text: str, lang: str, expected: set[str]) -> None:
    assert facts_of(text, lang)["country"] == expected


@pytest.mark.parametrize(
    ("text", "lang", "published", "expected"),
    [
        # the dateline opening the report
        (
            "Titolo\n\nMilano, 6 marzo – La Finanza ha oscurato 12 siti. Le perquisizioni erano del 2 marzo.",
            "it",
            dt.date(2014, 3, 6),
            {"2014-03-02"},
        ),
        # the day an office gave an account of the operation
        (
            "Título\n\nLa agencia dio cuenta este 1 de septiembre del cierre, hecho el 30 de agosto.",
            "es",
            dt.date(2022, 9, 2),
            {"2022-08-30"},
        ),
        # the day of a press conference
        (
            "Titre\n\nEn conférence de presse vendredi, la police a décrit la saisie du mardi 25 septembre.",
            "fr",
            dt.date(2007, 10, 2),
            {"2007-09-25"},
        ),
    ],
)
def test_days_news_was_given_are_no_events(
    text: str, lang: str, published: dt.date | None, expected: set[str]
) -> None:
    assert drafted_dates(text, lang, published) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # two national teams, and a cup named after a continent
        (
            "Título\n\nLa Fiscalía de Colombia lo vio emitir un partido de Copa América entre Canadá y Perú.",
            "es",
            {"CO"},
        ),
        (
            "Title\n\nThe service streamed the game between Brazil and Argentina from Lisbon, Portugal.",
            "en",
            {"PT"},
        ),
    ],
)
def test_national_teams_and_cups_are_no_countries_of_the_operation(
    text: str, lang: str, expected: set[str]
) -> None:
    assert facts_of(text, lang)["country"] == expected


def test_a_journeys_end_is_no_country_of_the_operation() -> None:
    text = (
        "Title\n\nThe Korean National Police Agency said one suspect was apprehended at Incheon "
        "International Airport after being refused entry into Thailand."
    )
    assert facts_of(text, "en") == {"country": {"KR"}, "date": set(), "arrest": {"KR"}}


def test_an_arrest_is_not_where_the_servers_of_its_sentence_are() -> None:
    text = (
        "Título\n\nEm Aveiro, a Polícia Judiciária deteve um homem que geria um serviço com servidores "
        "na Alemanha e em Itália."
    )
    assert facts_of(text, "pt")["arrest"] == {"PT"}


THURSDAY = dt.date(2024, 3, 14)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police shut the site down last month.", "en"),
        ("Le site a été fermé le mois dernier par la police.", "fr"),
        ("Il sito è stato oscurato il mese scorso.", "it"),
        ("La web fue cerrada el mes pasado.", "es"),
        ("O site foi derrubado no mês passado.", "pt"),
    ],
)
def test_last_month_is_the_month_before_publication(text: str, lang: str) -> None:
    assert facts_of(text, lang, THURSDAY)["date"] == {"2024-02"}


def test_earlier_this_month_is_the_publication_month() -> None:
    text = "Police raided a flat in Leeds earlier this month."
    assert facts_of(text, "en", THURSDAY)["date"] == {"2024-03"}


def test_a_month_named_after_last_month_words_is_that_month() -> None:
    text = "L'operazione, partita lo scorso mese di aprile, ha portato a 3 arresti."
    assert facts_of(text, "it", dt.date(2020, 8, 7))["date"] == {"2020-04"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police raided the site's operators late last year.", "en"),
        ("L’an dernier, les gendarmes ont démantelé un réseau.", "fr"),
        ("La Policía detuvo a tres personas el año pasado.", "es"),
        ("A Polícia Civil prendeu dois homens no ano passado.", "pt"),
    ],
)
def test_last_year_tied_to_an_action_is_the_year_before_publication(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, THURSDAY) == {"2023"}


def test_last_year_with_no_word_of_the_operation_is_background() -> None:
    text = "Piracy cost broadcasters 2 billion dollars last year."
    assert drafted_dates(text, "en", THURSDAY) == set()


def test_last_weekend_is_its_month_when_both_days_lie_in_it() -> None:
    text = "The raids happened over the weekend in Leeds."
    assert facts_of(text, "en", THURSDAY)["date"] == {"2024-03"}
    # Saturday 31 August, Sunday 1 September 2024: no one month holds it.
    assert facts_of(text, "en", dt.date(2024, 9, 2))["date"] == set()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police in Spain are seeking to arrest the site's operator.", "en"),
        ("No se practicaron detenciones, informó la Policía de Colombia.", "es"),
        ("Non sono stati effettuati arresti a Roma, precisa la Guardia di Finanza.", "it"),
        ("Personne n'a été interpellé en Belgique.", "fr"),
    ],
)
def test_an_arrest_sought_or_denied_is_no_arrest(text: str, lang: str) -> None:
    assert facts_of(text, lang, THURSDAY)["arrest"] == set()


def test_italian_feminine_plural_arrest_word() -> None:
    assert facts_of("Due persone sono state arrestate a Napoli.", "it", THURSDAY)["arrest"] == {"IT"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The site was popular in Brazil, police in Portugal said after the raid in Lisbon.", "en", {"PT"}),
        ("La señal llegaba a usuarios de Chile, Perú y Bolivia, según la policía argentina.", "es", {"AR"}),
        ("A PF cumpriu mandados em São Paulo; o site tinha usuários em Portugal e Angola.", "pt", {"BR"}),
    ],
)
def test_where_a_service_was_popular_or_its_users_came_from_is_no_country(
    text: str, lang: str, expected: set[str]
) -> None:
    assert facts_of(text, lang, THURSDAY)["country"] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Les perquisitions ont eu lieu le 05/03/2024 à Lyon.", "fr", {"2024-03-05"}),
        ("Los allanamientos se realizaron el 5/3/2024 en Lima.", "es", {"2024-03-05"}),
        ("Le perquisizioni sono state eseguite il 05.03.2024 a Roma.", "it", {"2024-03-05"}),
        ("Police raided the flat on 25/02/2024.", "en", {"2024-02-25"}),
        # Day or month first? An English date whose first number may be a month is left out.
        ("Police raided the flat on 05/03/2024.", "en", set()),
    ],
)
def test_a_numeric_date_is_read_day_first(text: str, lang: str, expected: set[str]) -> None:
    assert facts_of(text, lang, THURSDAY)["date"] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Police raided the flat three days ago.", "en", {"2024-03-11"}),
        ("I carabinieri hanno arrestato due uomini tre giorni fa.", "it", {"2024-03-11"}),
        ("La policía detuvo a dos hombres hace dos días.", "es", {"2024-03-12"}),
        ("A polícia prendeu dois homens há três dias.", "pt", {"2024-03-11"}),
        ("La police a interpellé deux hommes il y a une semaine.", "fr", {"2024-03"}),
        # Two weeks before 14 March 2024 is the week of 26 February to 3 March: no one month.
        ("La police a interpellé deux hommes il y a deux semaines.", "fr", set()),
    ],
)
def test_days_and_weeks_ago_resolve_against_the_publication(text: str, lang: str, expected: set[str]) -> None:
    assert facts_of(text, lang, THURSDAY)["date"] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The investigation began in the first half of 2023.", "en"),
        ("La investigación comenzó durante 2023.", "es"),
        ("L'enquête a été menée au cours de 2023.", "fr"),
        ("Police arrested the man on the 5th of March 2023.", "en"),
    ],
)
def test_a_half_or_the_span_of_a_year_gives_the_year(text: str, lang: str) -> None:
    assert {d[:4] for d in facts_of(text, lang, THURSDAY)["date"]} == {"2023"}


def test_porto_places_an_arrest_in_portugal() -> None:
    assert facts_of("Um homem foi detido no Porto.", "pt", THURSDAY)["arrest"] == {"PT"}


def test_a_region_named_like_the_first_word_of_a_country_places_nothing() -> None:
    # "North" is a region of Cameroon, and the first word of "North Macedonia".
    assert facts_of("Police arrested a man in North Park.", "en", THURSDAY)["country"] == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "L'opération a visé un réseau dans 9 pays. Les interpellations ont eu lieu lors des "
            "perquisitions, en France, en Espagne et en Italie.",
            "fr",
            {"FR", "ES", "IT"},
        ),
        ("Four people were arrested during searches in Spain and Portugal.", "en", {"ES", "PT"}),
    ],
)
def test_arrests_made_during_searches_are_where_the_searches_were(
    text: str, lang: str, expected: set[str]
) -> None:
    facts = extract_facts(read_article(text, lang))
    assert {f.key for f in facts if f.kind == "arrest"} == expected


@pytest.mark.parametrize(
    ("text", "lang", "published", "expected"),
    [
        ("A Polícia Federal descobriu o esquema há dois meses no Brasil.", "pt", "2015-10-07", {"2015-08"}),
        ("The police raided the shop two months ago in Accra, Ghana.", "en", "2015-10-07", {"2015-08"}),
        ("La polizia ha sequestrato il sito due mesi fa in Italia.", "it", "2015-01-20", {"2014-11"}),
        ("La police a démantelé le réseau il y a trois ans en France.", "fr", "2015-10-07", {"2012"}),
        # a bound gives the year the date surely falls in, or nothing
        (
            "A Polícia Federal descobriu o esquema há pouco mais de dois meses no Brasil.",
            "pt",
            "2015-10-07",
            {"2015"},
        ),
        ("La policía desmanteló la red hace unos diez meses en España.", "es", "2015-10-07", set()),
    ],
)
def test_months_and_years_ago(text: str, lang: str, published: str, expected: set[str]) -> None:
    facts = extract_facts(read_article(text, lang), dt.date.fromisoformat(published))
    assert {f.key for f in facts if f.kind == "date"} == expected


def test_an_operation_that_opened_with_raids_dates_its_action_day() -> None:
    text = "The sweep opened last Friday with dawn raids on the homes of counterfeiters in Falkirk, Scotland."
    facts = extract_facts(read_article(text, "en"), dt.date(2004, 12, 1))
    assert [(f.key, f.data["event"]) for f in facts if f.kind == "date"] == [("2004-11-26", "action_day")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A country's name that names a street or a quarter.
        (
            "Les huissiers ont saisi le matériel de la société, sise au quartier Madagascar, au Cameroun.",
            "fr",
            {"CM"},
        ),
        ("La policía incautó 300 discos en una tienda de la calle Venezuela, en Lima, Perú.", "es", {"PE"}),
        # A country's name ending a person's or a place's name.
        (
            'Decomisaron discos en el mercado "Roberto Huembes", junto al estadio "Carlos Panamá".',
            "es",
            set(),
        ),
        ("Il negozio di via Garibaldi, gestito da Mario Francia, è stato chiuso.", "it", set()),
        # A country after a word that opens a sentence, or a preposition, is the country.
        ("Yesterday police in Kenya seized 300 discs. Kenya Police said so.", "en", {"KE"}),
        # Where supplies or pirated programmes came from.
        ("À Bobo-Dioulasso, au Burkina Faso, les CD vierges arrivaient en fraude du Ghana.", "fr", {"BF"}),
        ("In Taiwan, two men sold boxes carrying programs from Korea to 3,000 viewers.", "en", {"TW"}),
        # People coming from a country tie it to the operation.
        (
            "Des policiers arrivaient du Canada pour aider les gendarmes à Lyon, en France.",
            "fr",
            {"CA", "FR"},
        ),
    ],
)
def test_a_country_named_for_something_else_is_no_country_of_the_operation(
    text: str, lang: str, expected: set[str]
) -> None:
    facts = extract_facts(read_article(text, lang))
    assert {f.key for f in facts if f.kind == "country"} == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("L'inchiesta è partita nel febbraio del 2011 dopo una denuncia.", "it", {"2011-02"}),
        ("La investigación comenzó en octubre del 2015 tras una denuncia.", "es", {"2015-10"}),
        ("Los registros se hicieron el 3 de junio del 2016 en Lima.", "es", {"2016-06-03"}),
        # The end, start or middle of a year: the year.
        ("Le indagini si sono svolte tra la fine del 2022 e la primavera scorsa.", "it", {"2022"}),
        ("Gli accertamenti, iniziati verso la metà del 2021, hanno portato al sequestro.", "it", {"2021"}),
        ("La red fue desarticulada a fines del 2018 por la policía.", "es", {"2018"}),
    ],
)
def test_a_month_or_a_part_of_a_year_with_del_before_the_year(
    text: str, lang: str, expected: set[str]
) -> None:
    facts = extract_facts(read_article(text, lang))
    assert {f.key for f in facts if f.kind == "date"} == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Officers searched three warehouses on June 11 and 12 and seized 400 boxes.",
            "2019-06-20",
            {"2019-06-11", "2019-06-12"},
        ),
        ("The raids ran on October 2 to 4, 2017, in Cardiff.", None, {"2017-10-04"}),
        # The number after "and" counts something: no second day.
        ("On July 9 and 7 people were charged in Leeds.", "2019-07-20", {"2019-07-09"}),
    ],
)
def test_the_last_day_of_a_range_the_month_opens(
    text: str, published: str | None, expected: set[str]
) -> None:
    day = dt.date.fromisoformat(published) if published else None
    facts = extract_facts(read_article(text, "en"), day)
    assert {f.key for f in facts if f.kind == "date"} == expected


def test_the_date_of_a_law_is_no_event() -> None:
    text = "Les vendeurs seront poursuivis, conformément à la loi N°2005-30 du 10 avril 2006."
    assert drafted_dates(text, "fr", dt.date(2013, 7, 17)) == set()


def test_yesterday_morning_in_portuguese() -> None:
    text = "A operação decorreu ontem de manhã no mercado da cidade."
    assert drafted_dates(text, "pt", dt.date(2009, 10, 18)) == {"2009-10-17"}


def test_hollywood_studios_place_nothing_in_the_united_states() -> None:
    text = (
        "The alliance, a coalition formed by Hollywood and Bollywood studios, seized 179,000 DVDs and "
        "made 80 arrests. A raid on a stall in Malegaon turned up 22,463 DVDs."
    )
    assert facts_of(text, "en") == {"country": {"IN"}, "date": set(), "arrest": {"IN"}}


def test_searches_that_may_end_in_arrests_are_no_arrest() -> None:
    text = (
        "A Polícia Federal cumpre mandados em nove estados; as buscas podem terminar em prisões em flagrante."
    )
    assert facts_of(text, "pt", dt.date(2008, 7, 1))["arrest"] == set()


def test_the_island_is_not_iceland() -> None:
    text = "Fake goods are openly displayed in other parts of the Island, police in Hamilton said."
    assert facts_of(text, "en")["country"] == set()


def test_the_partners_of_a_joint_operation_are_not_where_the_arrests_were() -> None:
    text = (
        "Trois personnes ont été arrêtées sur territoire suisse. Leur interpellation fait suite à une "
        "opération commune entre la Suisse, l'Allemagne, la France, les Pays-Bas et Monaco."
    )
    assert facts_of(text, "fr")["arrest"] == {"CH"}


def test_an_arrest_on_a_countrys_soil() -> None:
    text = "Two men were arrested on Spanish soil after raids in Europe and Asia."
    assert facts_of(text, "en")["arrest"] == {"ES"}


@pytest.mark.parametrize(
    ("text", "lang", "published", "expected"),
    [
        (
            "Nelle ultime 24 ore i carabinieri hanno perquisito 30 abitazioni.",
            "it",
            dt.date(2019, 5, 14),
            {"2019-05"},
        ),
        ("Over the past 48 hours officers searched 12 homes.", "en", dt.date(2019, 5, 14), {"2019-05"}),
        # The two days before the 1st reach into the month before: no month is sure.
        ("En las últimas 48 horas la policía registró 12 locales.", "es", dt.date(2019, 5, 1), set()),
    ],
)
def test_the_last_hours_give_the_month_they_surely_fall_in(
    text: str, lang: str, published: dt.date, expected: set[str]
) -> None:
    assert facts_of(text, lang, published)["date"] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Durante a operação, 14 pessoas foram conduzidas à delegacia de Belo Horizonte.", "pt", {"BR"}),
        ("Seis vendedores fueron conducidos a la comisaría en Buenos Aires.", "es", {"AR"}),
        # Investigations conducted are no one taken anywhere.
        ("As investigações foram conduzidas pela Polícia Civil em Belo Horizonte.", "pt", set()),
    ],
)
def test_people_taken_to_the_police_station_were_detained(text: str, lang: str, expected: set[str]) -> None:
    assert facts_of(text, lang)["arrest"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A report tells what was done: March before a November publication is that year's.
        ("The ministry and the police opened an investigation in March.", {"2024-03"}),
        ("The trial will open in March, the ministry said.", {"2025-03"}),
    ],
)
def test_a_month_without_a_year_is_past_unless_the_sentence_speaks_of_the_future(
    text: str, expected: set[str]
) -> None:
    assert facts_of(text, "en", dt.date(2024, 11, 6))["date"] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La policía allanó cinco locales en Mendoza y se pidió la detención de cuatro personas.", "es"),
        ("Police in Nairobi requested the arrest of two sellers.", "en"),
    ],
)
def test_an_arrest_asked_for_is_no_arrest(text: str, lang: str) -> None:
    assert facts_of(text, lang)["arrest"] == set()


def test_the_country_of_a_dateline_is_where_the_report_was_filed() -> None:
    text = (
        "Lyon (France) – INTERPOL a aidé les autorités indonésiennes à démanteler un service "
        "illégal en Indonésie."
    )
    assert facts_of(text, "fr")["country"] == {"ID"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The site pays its royalties to local record labels that invest in NZ music.", "en", {"NZ"}),
        ("The servers were rented in the UAE and in Spain.", "en", {"AE", "ES"}),
        ("La police nationale coréenne a arrêté trois personnes.", "fr", {"KR"}),
        ("Samedi, la police a interpellé quatre vendeurs à Port-Louis, avec le ministère des Arts et de la "
         "Culture.", "fr", {"MU"}),
    ],
)  # fmt: skip
def test_short_country_names_and_a_shared_ministry_name(text: str, lang: str, expected: set[str]) -> None:
    assert facts_of(text, lang)["country"] == expected


def test_where_a_suspect_comes_from_is_no_country_of_the_operation() -> None:
    text = "Police in Samoa seized machines from a businessman from Fiji who copied films in Apia."
    assert facts_of(text, "en")["country"] == {"WS"}


def test_the_country_of_a_body_an_arrest_is_reported_by_is_not_where_it_happened() -> None:
    text = (
        "Stando a un comunicato della Content Overseas Distribution Association (CODA) giapponese, "
        "la polizia cinese del Jiangsu ha arrestato quattro persone."
    )
    assert facts_of(text, "it")["arrest"] == {"CN"}


def test_where_traders_come_from_in_italian_is_no_country_of_the_operation() -> None:
    text = "A Bologna la Guardia di Finanza ha denunciato cinque commercianti originari del Bangladesh."
    assert facts_of(text, "it")["country"] == {"IT"}


def test_a_landmarks_country_is_not_the_operations() -> None:
    text = (
        "The Ghana Police Service arrested 10 dealers at Aflao. Aflao, close to Lomé in Togo, had become "
        "a main selling point for pirated goods."
    )
    assert facts_of(text, "en", FRIDAY) == {"country": {"GH"}, "date": set(), "arrest": {"GH"}}


def test_a_year_set_against_the_one_reported_is_background() -> None:
    text = "Se nel 2015 le perquisizioni erano state 130, quest'anno la polizia giapponese ne ha svolte 93."
    assert drafted_dates(text, "it", None) == set()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In April 2023 alone, five individuals were charged with piracy offences.", "en"),
        ("Solo nel 2015 il giro d'affari raggiungeva un milione di euro.", "it"),
        ("L'inchiesta è il seguito dell'operazione «Gotha», condotta nel 2022 dalla polizia.", "it"),
    ],
)
def test_a_tallys_period_and_an_earlier_operations_year_are_background(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, dt.date(2023, 4, 13)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arrestado en Benidorm un hombre procedente del Reino Unido. La Policía Nacional actuó.", {"ES"}),
        (
            "La Policía Nacional cerró el servicio. Como ocurrió hace semanas en Italia, ofrecía partidos.",
            {"ES"},
        ),
    ],
)
def test_a_suspects_origin_and_a_like_case_elsewhere_are_not_countries(text: str, expected: set[str]) -> None:
    assert facts_of(text, "es", FRIDAY)["country"] == expected


def test_where_a_suspect_settled_is_not_a_country() -> None:
    text = "L'un des frères a été arrêté à New York; l'autre, installé au Bangladesh, est en fuite."
    assert facts_of(text, "fr", FRIDAY)["country"] == {"US"}


def test_a_neighbouring_places_country_is_not_the_operations() -> None:
    text = (
        "A polícia chinesa prendeu 11 suspeitos. A fábrica saiu da província de Guangdong, vizinha de Macau."
    )
    assert facts_of(text, "pt", FRIDAY)["country"] == {"CN"}


def test_nabbed_is_an_arrest() -> None:
    text = "Kuwait's Ministry of Commerce raided two computer shops in Hawalli and nabbed software vendors."
    assert facts_of(text, "en", FRIDAY)["arrest"] == {"KW"}


def test_the_seat_of_a_known_body_is_no_country_of_the_operation() -> None:
    text = (
        "Detectives raided a firm in Kalutara for Adobe and Microsoft, members of the US-based "
        "Business Software Alliance."
    )
    assert facts_of(text, "en")["country"] == {"LK"}


def test_the_base_of_a_target_is_a_country_of_the_operation() -> None:
    text = "The Korean National Police Agency shut down three Vietnam-based illegal streaming sites."
    assert facts_of(text, "en")["country"] == {"KR", "VN"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("En juillet 2014, l'ALPA a porté plainte. Deux hommes ont été interpellés les 23 et 24 février "
         "derniers.", "fr"),
        ("In July 2014 the studios complained. Two men were arrested last February 23.", "en"),
        ("A luglio 2014 la SIAE ha denunciato. Due uomini sono stati arrestati il 23 febbraio scorso.", "it"),
    ],
)  # fmt: skip
def test_a_day_said_last_takes_no_year_from_other_dates_with_no_publication_day(text: str, lang: str) -> None:
    assert facts_of(text, lang)["date"] == {"2014-07"}


def test_a_day_without_its_year_still_takes_the_articles_one_year() -> None:
    text = "En juillet 2014, l'ALPA a porté plainte. Deux hommes ont été interpellés le 23 février."
    assert facts_of(text, "fr")["date"] == {"2014-07", "2014-02-23"}


def test_the_year_a_site_was_created_is_no_event() -> None:
    text = "Il admet avoir créé le site depuis chez lui en 2013. Il a été interpellé en mars 2015."
    assert drafted_dates(text, "fr", None) == {"2015-03"}


def test_the_date_of_an_earlier_conviction_is_background() -> None:
    text = (
        "Le procès s'est terminé le 14 septembre 2016. Le même tribunal l'avait déjà condamné le "
        "21 décembre 2011 pour des faits identiques."
    )
    assert drafted_dates(text, "fr", None) == {"2016-09-14"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("En Quito, Ecuador, los vendedores se opusieron, aunque no hubo heridos ni detenidos.", "es"),
        ("À Abidjan, en Côte d'Ivoire, il n'y a eu ni blessés ni interpellés.", "fr"),
    ],
)
def test_the_second_of_two_denials_is_no_arrest(text: str, lang: str) -> None:
    assert facts_of(text, lang)["arrest"] == set()


def test_a_lower_case_nationality_in_a_drafted_bodys_name_gives_its_country() -> None:
    text = "Le Bureau sénégalais du droit d'auteur a fait interpeller 36 personnes à Ouakam."
    assert facts_of(text, "fr")["country"] == {"SN"}


def test_the_gendarmerie_named_by_its_common_noun_is_the_countrys() -> None:
    text = "Au Sénégal, à l'issue des investigations des gendarmes, cinq personnes ont été arrêtées."
    found = extract_facts(read_article(text, "fr"))
    assert {f.key for f in found if f.kind == "agency"} == {"Gendarmerie nationale du Sénégal"}


def test_the_year_a_unit_was_created_is_no_event() -> None:
    text = "La brigada, que se creó en 2009, incautó ayer 25 mil libros en Santiago de Chile."
    assert drafted_dates(text, "es", dt.date(2022, 3, 23)) == {"2022-03-22"}


def test_a_weekday_in_a_films_title_is_no_date() -> None:
    text = "Police seized 500 copies of Black Friday, a banned film, in a raid on Saturday."
    assert facts_of(text, "en", dt.date(2005, 5, 22))["date"] == {"2005-05-21"}


def test_remanded_in_custody_is_an_arrest() -> None:
    text = "In Mumbai, India, the accused was remanded in custody for 14 days after the raid."
    assert facts_of(text, "en")["arrest"] == {"IN"}


def test_buyers_from_another_country_do_not_name_a_country_of_the_operation() -> None:
    text = (
        "Police raided a factory in Kempton Park, South Africa. Two buyers from Zimbabwe were arrested too."
    )
    assert facts_of(text, "en")["country"] == {"ZA"}


def test_operations_conducted_before_elsewhere_name_no_country_nor_body() -> None:
    text = (
        "Au Gabon, neuf revendeurs ont été interpellés à Libreville. En 2021, des opérations avaient déjà "
        "été conduites dans d'autres pays d'Afrique, notamment par les forces de l'ordre du Sénégal."
    )
    found = extract_facts(read_article(text, "fr"))
    assert {f.key for f in found if f.kind in {"country", "agency"}} == {"GA"}


def test_a_place_and_date_line_closing_a_release_is_no_event() -> None:
    text = "A Polícia Judiciária apreendeu 40 mil cópias em março.\n\nLisboa, 14 de Março de 2002"
    assert drafted_dates(text, "pt", None) == set()


def test_citizens_of_another_country_do_not_name_a_country_of_the_operation() -> None:
    text = "A Frosinone, in Italia, i due, cittadini del Kirghizistan, sono stati denunciati."
    assert facts_of(text, "it")["country"] == {"IT"}


def test_the_country_books_came_from_is_no_country_of_the_operation() -> None:
    text = "Ces livres arrivaient de Chine et allaient être vendus à Libreville, au Gabon."
    assert facts_of(text, "fr")["country"] == {"GA"}


def test_a_local_court_places_an_article_that_names_no_country() -> None:
    text = "Le tribunal correctionnel de Strasbourg a condamné l'éditeur du site à six mois de prison."
    assert facts_of(text, "fr")["country"] == {"FR"}


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("La cour d'appel de Metz a confirmé la condamnation du vendeur de décodeurs.", "fr", "FR"),
        ("Le tribunal de grande instance d'Avignon a condamné la boutique.", "fr", "FR"),
        ("La Policía Local de Ponferrada intervino 900 discos en el mercadillo.", "es", "ES"),
    ],
)
def test_a_middle_sized_city_places_an_article_that_names_no_country(
    text: str, lang: str, country: str
) -> None:
    assert facts_of(text, lang)["country"] == {country}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Towns whose names are words elsewhere ("Temple", Texas; "Largo", Florida) are no places.
        ("Customs officers seized 8,000 discs from stalls in Temple Street.", "en"),
        ("A fiscalização apreendeu 300 DVDs no Largo do Rosário.", "pt"),
    ],
)
def test_a_town_named_by_a_common_word_places_nothing(text: str, lang: str) -> None:
    assert facts_of(text, lang)["country"] == set()


def test_local_bodies_of_two_countries_place_nothing() -> None:
    text = "La Fiscalía de Quito y la Policía de Lima cerraron dos fábricas de discos."
    assert facts_of(text, "es")["country"] == set()


def test_a_place_named_after_in_wins_over_a_local_body() -> None:
    text = "Le tribunal de Strasbourg a jugé un homme arrêté à Genève."
    assert facts_of(text, "fr")["country"] == {"CH"}


@pytest.mark.parametrize(
    ("text", "lang", "published"),
    [
        (
            "A Polícia Judiciária deu a conhecer na passada quarta-feira o fim de uma rede pirata.",
            "pt",
            dt.date(2005, 5, 27),
        ),
        (
            "Au cours d'une conférence de presse tenue ce lundi 4 avril, le ministre a annoncé la saisie.",
            "fr",
            dt.date(2016, 4, 5),
        ),
        (
            "Le journal l'a révélé dans son édition du 20 septembre 2023, avant que l'ACE ne le confirme.",
            "fr",
            dt.date(2023, 9, 21),
        ),
    ],
)
def test_a_saying_a_few_words_before_the_date_in_its_clause(text: str, lang: str, published: dt.date) -> None:
    assert drafted_dates(text, lang, published) == set()


def test_a_saying_across_a_comma_leaves_the_event_date() -> None:
    text = "According to the court, on May 24, 2022, the complainant went to the shop with a sergeant."
    assert drafted_dates(text, "en", dt.date(2022, 5, 27)) == {"2022-05-24"}


@pytest.mark.parametrize(
    ("text", "lang", "published"),
    [
        (
            "De acordo com uma nota hoje divulgada pela GNR, foram apreendidos 60 mil DVD.",
            "pt",
            dt.date(2007, 6, 16),
        ),
        (
            "Segundo a decisão, tornada pública na quinta-feira, os grupos têm 10 milhões de membros.",
            "pt",
            dt.date(2021, 11, 20),
        ),
        (
            "Speaking at a media briefing in Lagos last Thursday, the director said the books were seized.",
            "en",
            dt.date(2017, 7, 3),
        ),
    ],
)
def test_a_note_made_public_or_a_briefing_is_no_event(text: str, lang: str, published: dt.date) -> None:
    assert drafted_dates(text, lang, published) == set()


@pytest.mark.parametrize(
    ("text", "lang", "published"),
    [
        (
            "Trois millions de CD ont été saisis ; ils seront incinérés le 23 avril prochain.",
            "fr",
            dt.date(2016, 4, 5),
        ),
        (
            "The hearing of the case against the three traders will open on October 24.",
            "en",
            dt.date(2013, 10, 11),
        ),
        (
            "Il processo è fissato per il 3 febbraio davanti al tribunale di Milano.",
            "it",
            dt.date(2020, 12, 10),
        ),
    ],
)
def test_a_day_still_to_come_is_no_event(text: str, lang: str, published: dt.date) -> None:
    assert drafted_dates(text, lang, published) == set()


def test_a_day_named_without_a_year_in_the_past_keeps_the_publication_year() -> None:
    text = "The police raided the shop on October 2 and seized 300 discs."
    assert drafted_dates(text, "en", dt.date(2013, 10, 11)) == {"2013-10-02"}


def test_santiago_alone_is_the_capital_of_chile_or_a_dominican_province() -> None:
    text = "SANTIAGO.- Por orden del juzgado, la policía allanó cuatro locales en Santiago."
    assert facts_of(text, "es")["country"] == set()


def test_santiago_de_chile_is_in_chile() -> None:
    text = "La policía allanó cuatro locales en Santiago de Chile."
    assert facts_of(text, "es")["country"] == {"CL"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "La policía detuvo en Barcelona a los directivos de Rimax, que importa CD desde Taiwan.",
            "es",
        ),
        (
            "Police in Leeds arrested the directors of a firm that imported thousands of discs from Taiwan.",
            "en",
        ),
    ],
)
def test_a_country_goods_were_imported_from_is_no_country_of_the_operation(text: str, lang: str) -> None:
    assert "TW" not in facts_of(text, lang)["country"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I Carabinieri hanno arrestato un uomo di 39 anni, nato in Ghana e residente in città.", "it"),
        ("Police arrested a 40-year-old man, born in Ghana, who sold copied DVDs in Leeds.", "en"),
    ],
)
def test_where_a_person_was_born_is_no_country_of_the_operation(text: str, lang: str) -> None:
    assert "GH" not in facts_of(text, lang)["country"]


def test_a_country_s_name_listed_among_another_country_s_places_is_that_place() -> None:
    text = "La investigación sacó a la luz redes de cable en Tenerife, Málaga, Cádiz, Córdoba y Granada."
    assert facts_of(text, "es")["country"] == {"ES"}


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        ("L'enquête a mobilisé les polices de la Belgique, des Pays-Bas et du Luxembourg.", "fr", "LU"),
        ("Los tres fueron detenidos por el FBI en Puerto Rico.", "es", "PR"),
    ],
)
def test_a_country_named_among_countries_or_alone_stays_a_country(text: str, lang: str, code: str) -> None:
    assert code in facts_of(text, lang)["country"]


TUESDAY_23_APRIL = dt.date(2002, 4, 23)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police arrested 17 people in the biggest haul, officials said yesterday.", "en"),
        ("La police a saisi 3 000 CD, a indiqué hier le parquet.", "fr"),
        ("La Policía detuvo a dos personas, informó ayer la Jefatura.", "es"),
    ],
)
def test_the_day_of_a_saying_right_after_its_verb_is_no_event(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == set()


def test_a_saying_in_the_sentence_before_leaves_a_weekday_its_event() -> None:
    text = "Police arrested 17 people, officials said yesterday. On Sunday officers seized 124,000 discs."
    assert drafted_dates(text, "en", TUESDAY_23_APRIL) == {"2002-04-21"}


@pytest.mark.parametrize(
    ("text", "lang", "dates"),
    [
        ("Entre os dias 17 e 19, a PJ apreendeu 3.000 CD no Porto.", "pt", {"2002-04-17", "2002-04-19"}),
        ("Il giorno 12 la Guardia di Finanza ha sequestrato mille CD a Roma.", "it", {"2002-04-12"}),
        ("El día 30 la Policía Nacional detuvo a dos personas en Madrid.", "es", {"2002-03-30"}),
    ],
)
def test_a_day_with_no_month_is_the_latest_such_day_up_to_the_publication(
    text: str, lang: str, dates: set[str]
) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == dates


def test_a_day_word_before_a_count_is_no_day() -> None:
    text = "Há dias 3 pessoas foram detidas pela PSP em Lisboa."
    assert drafted_dates(text, "pt", TUESDAY_23_APRIL) == set()


def test_no_day_with_no_month_is_resolved_without_a_publication_date() -> None:
    text = "No dia 12, a PSP apreendeu 300 CD em Lisboa."
    assert drafted_dates(text, "pt", None) == set()


@pytest.mark.parametrize(
    ("text", "arrests"),
    [
        ("A Polícia Civil apreendeu 300 CDs em Indaiatuba. Os CDs e DVDs foram levados à delegacia.", set()),
        ("A Polícia Civil apreendeu 300 CDs em Indaiatuba. Os vendedores foram levados à delegacia.", {"BR"}),
    ],
)
def test_goods_taken_to_the_station_are_no_arrest(text: str, arrests: set[str]) -> None:
    assert facts_of(text, "pt", TUESDAY_23_APRIL)["arrest"] == arrests


@pytest.mark.parametrize(
    ("text", "lang", "published"),
    [
        (
            "PGR asegura discos\n\nSan Juan del Río, 29 de junio de 2014.- Más de 500 mil discos asegurados.",
            "es",
            dt.date(2014, 6, 29),
        ),
        (
            "Sequestro di cd\n\n3 ottobre 2009. La Guardia di Finanza ha sequestrato mille cd a Cassino.",
            "it",
            dt.date(2009, 10, 3),
        ),
    ],
)
def test_a_dateline_opening_the_first_paragraph_is_no_event(text: str, lang: str, published: dt.date) -> None:
    assert drafted_dates(text, lang, published) == set()


def test_a_day_opening_a_paragraph_other_than_the_publication_stays_an_event() -> None:
    text = "Sequestro di cd\n\n2 ottobre 2009. La Guardia di Finanza ha sequestrato mille cd a Cassino."
    assert drafted_dates(text, "it", dt.date(2009, 10, 3)) == {"2009-10-02"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("En mars 2013, la police a saisi 4 000 DVD. La cour rendra son arrêt le 25 juin prochain.", "fr"),
        ("En marzo de 2013 la Policía incautó 4.000 DVD. El juicio será el próximo 5 de junio.", "es"),
    ],
)
def test_a_day_marked_as_still_to_come_is_no_event_without_a_publication_date(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, None) == {"2013-03"}


@pytest.mark.parametrize(
    ("name", "code"), [("Rusia", "RU"), ("Holanda", "NL"), ("Olanda", "NL"), ("Bielorrussia", "BY")]
)
def test_everyday_country_names_the_iso_translations_lack(name: str, code: str) -> None:
    assert facts_of(f"La policía detuvo a dos personas en {name}.", "es")["country"] == {code}


def test_a_day_with_no_month_written_with_a_stop_or_an_ordinal_sign_is_read() -> None:
    text = "A PSP apreendeu 300 CDs em Lisboa no dia 12. Depois, no dia 1º, prendeu dois homens."
    assert drafted_dates(text, "pt", TUESDAY_23_APRIL) == {"2002-04-12", "2002-04-01"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Dopo il pranzo della domenica il ragazzo guardava il derby dal balcone.", "it"),
        ("Le dimanche, le marché aux puces attire des milliers de visiteurs.", "fr"),
    ],
)
def test_a_weekday_with_its_article_is_any_such_day(text: str, lang: str) -> None:
    assert facts_of(text, lang, FRIDAY)["date"] == set()


def test_a_weekday_at_one_end_of_a_night_is_still_a_day() -> None:
    text = "Nella notte tra il sabato e la domenica la polizia ha arrestato due uomini."
    assert facts_of(text, "it", FRIDAY)["date"] == {"2023-03-11", "2023-03-12"}


def test_countries_goods_were_exported_to_are_markets() -> None:
    text = "The plant supplied discs across Thailand and exported them to Laos, Vietnam and Cambodia."
    assert facts_of(text, "en")["country"] == {"TH"}


def test_a_trade_bodys_seat_is_not_where_an_arrest_happened() -> None:
    text = "Thai police, helped by the MPA's local office, seized the machines and arrested two people."
    assert facts_of(text, "en")["arrest"] == {"TH"}


def test_an_arrest_a_trade_body_made_is_in_its_country() -> None:
    text = "En 2017, le revendeur a été interpellé par la FACT, qui avait repéré ses ventes."
    assert facts_of(text, "fr")["arrest"] == {"GB"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Quem compra o material pode ser condenado a detenção de três meses a um ano.", "pt"),
        (
            "Dois meses atrás uma operação no mesmo local apreendeu 47 mil mídias, e pessoas detidas "
            "naquela ocasião contaram que revendiam os discos.",
            "pt",
        ),
    ],
)
def test_a_sentence_of_detention_and_an_earlier_operations_arrests_are_none(text: str, lang: str) -> None:
    assert facts_of(text, lang)["arrest"] == set()


@pytest.mark.parametrize(
    ("text", "lang", "published"),
    [
        ("Há pouco tempo, no bairro vizinho, a polícia descobriu um laboratório de CDs.", "pt", FRIDAY),
        ("La police a fermé le site. Article publié initialement le 13/03/2023.", "fr", FRIDAY),
        ("La Policía prefirió no revelar esta mañana cuál era la web principal.", "es", FRIDAY),
        ("Desde que surgiu, em 2003, o site está na mira de governos.", "pt", FRIDAY),
        ("Des CD-ROM pirates ont été saisis. (D'après Le Parisien, 15 mars 2023)", "fr", FRIDAY),
        ("It was the largest raid since customs began Operation Harbour in May 2021.", "en", FRIDAY),
    ],
)
def test_dates_that_are_no_events_of_the_operation(text: str, lang: str, published: dt.date) -> None:
    assert drafted_dates(text, lang, published) == set()


def test_a_since_date_of_the_investigation_is_still_its_start() -> None:
    assert drafted_dates("Police have investigated the ring since May 2021.", "en", FRIDAY) == {"2021-05"}


def test_a_weekend_adds_nothing_to_the_days_of_it_the_text_names() -> None:
    text = "Nel fine settimana i carabinieri hanno denunciato cinque titolari. Le prime denunce sabato sera."
    assert drafted_dates(text, "it", FRIDAY) == {"2023-03-11"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "En España fueron detenidos 15 procedentes de Bangladesh y dos menores de Pakistán y Bangladesh.",
            "es",
            {"ES"},
        ),
        ("Al porto di Genova la Finanza ha sequestrato un container arrivato dalla Cina.", "it", {"IT"}),
        (
            "En France, la police a saisi 300 cartes. Un coup de filet avait déjà été réalisé en Hongrie.",
            "fr",
            {"FR"},
        ),
        ("En France, la police a coupé les cartes pirates peu avant le début de Monaco/Lille.", "fr", {"FR"}),
    ],
)
def test_where_people_and_goods_come_from_and_matches(text: str, lang: str, expected: set[str]) -> None:
    assert facts_of(text, lang)["country"] == expected


def test_the_publication_day_leaves_a_weeks_month_standing() -> None:
    text = "This week two sellers were jailed. FACT said today that the boxes reached thousands of homes."
    assert drafted_dates(text, "en", FRIDAY) == {"2023-03"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("À Conakry, trois personnes ont été arrêtées au marché de Madina.", "fr", {"GN"}),
        ("O grupo violava os direitos autorais das empresas que os detêm, no Brasil.", "pt", set()),
        ("En México, al cierre de la edición no se reportaron personas detenidas.", "es", set()),
        (
            "Un episodio simile era avvenuto in Italia un anno fa: due uomini erano finiti in manette.",
            "it",
            set(),
        ),
    ],
)
def test_where_and_whether_people_were_arrested(text: str, lang: str, expected: set[str]) -> None:
    assert facts_of(text, lang)["arrest"] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A previsão era recolher, até sábado, 150 toneladas de mercadorias.", "pt"),
        ("The complaint alleges that from February 2021 to January 2022 he streamed matches.", "en"),
        ("On se souvient des 14 newsgroups fermés en février dernier par le fournisseur.", "fr"),
    ],
)
def test_deadlines_offence_spans_and_recalled_cases_are_no_events(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, FRIDAY) == set()


def test_a_region_named_by_the_compass_is_no_other_countrys() -> None:
    text = "No Brasil, 45 pessoas foram detidas no Norte e no Noroeste do estado."
    assert facts_of(text, "pt")["arrest"] == {"BR"}


def test_goods_that_came_from_abroad_name_no_country_of_the_operation() -> None:
    text = "No Brasil, a PM apreendeu a mercadoria, que veio do Paraguai."
    assert facts_of(text, "pt")["country"] == {"BR"}


def test_a_paragraph_of_the_cases_before_holds_no_dates_of_this_one() -> None:
    text = (
        "The Sessions Court in Kuala Lumpur fined a seller today.\n\n"
        "The case follows several others. On March 3, a magistrate's court fined a student."
    )
    assert drafted_dates(text, "en", FRIDAY) == {"2023-03-17"}


def test_each_country_of_a_list_of_origins_is_a_nationality() -> None:
    text = (
        "In Italia la Guardia di Finanza ha denunciato dieci persone originarie dell'India e del Pakistan "
        "(ma anche del Senegal) e ne ha arrestate tre."
    )
    assert facts_of(text, "it")["country"] == {"IT"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La PGR aseguró 5 inmuebles en México, pero no fue detenida ninguna persona.", "es"),
        (
            "La Policía Nacional incautó 300 discos en Lima. Ninguna persona fue arrestada.",
            "es",
        ),
    ],
)
def test_a_denial_in_the_feminine_is_no_arrest(text: str, lang: str) -> None:
    assert facts_of(text, lang)["arrest"] == set()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A Verbania ha preso parte all'operazione la Compagnia della Guardia di Finanza.", "it"),
        (
            "En Pontevedra, contra el identificado, que no llegó a ser detenido, se abrieron diligencias.",
            "es",
        ),
    ],
)
def test_taking_part_and_an_arrest_that_did_not_happen_are_no_arrests(text: str, lang: str) -> None:
    assert facts_of(text, lang)["arrest"] == set()


def test_a_from_until_span_is_no_event() -> None:
    text = "Le indagini hanno trovato 26 clienti che dal 2017 fino allo scorso gennaio lo pagavano."
    assert drafted_dates(text, "it", dt.date(2022, 10, 20)) == set()


def test_for_how_long_is_no_date() -> None:
    text = (
        "La Policía Nacional detuvo a dos hombres que vendían canales a 1.300 clientes desde hace tres años."
    )
    assert drafted_dates(text, "es", dt.date(2020, 5, 19)) == set()


def test_a_saying_in_the_next_clause_leaves_the_event_day() -> None:
    text = (
        "A operação da Receita Federal aconteceu na terça-feira (8) e foi divulgada nesta quinta-feira (10)."
    )
    assert drafted_dates(text, "pt", dt.date(2023, 8, 10)) == {"2023-08-08"}


@pytest.mark.parametrize(
    "text",
    [
        "La Aduana retuvo en Montevideo, Uruguay, un contenedor en traslado de China a Paraguay.",
        "La Aduana de Uruguay incautó 3.000 decodificadores en tránsito con destino a Paraguay.",
        "En Uruguay se venden en comercios de Montevideo y en la frontera con Brasil.",
        # every country listed after the border's word
        "La Aduana de Uruguay decomisó discos en Rivera, junto al límite con Brasil y Argentina.",
    ],
)
def test_a_route_a_destination_and_a_border_are_no_places_of_the_operation(text: str) -> None:
    assert facts_of(text, "es")["country"] == {"UY"}


def test_a_string_of_earlier_raids_holds_no_arrests() -> None:
    text = (
        "Police Scotland raided a property in Glasgow. The action follows a string of raids, arrests and "
        "convictions across the UK."
    )
    assert facts_of(text, "en")["arrest"] == set()


def test_a_decrees_date_is_no_event() -> None:
    text = "As cassetes eram vendidas contra o Diploma Ministerial 8/2003, de 15 de Janeiro, em Pemba."
    assert drafted_dates(text, "pt", dt.date(2008, 4, 29)) == set()


def test_an_offensive_that_began_is_the_action_day() -> None:
    text = "A ofensiva começou nesta quarta-feira (21), quando uma fábrica de CDs piratas foi descoberta."
    assert drafted_dates(text, "pt", dt.date(2013, 8, 22)) == {"2013-08-21"}


def test_a_deployment_that_began_is_the_action_day() -> None:
    text = "El dispositivo de la Policía arrancó a las 21.05 horas de este martes en bares de Palma."
    assert drafted_dates(text, "es", dt.date(2019, 3, 6)) == {"2019-03-05"}


def test_a_source_named_after_a_comma_leaves_the_day() -> None:
    text = (
        "La condamnation a été prononcée par un tribunal de Lille le vendredi 3 octobre, rapporte 20 Minutes."
    )
    assert drafted_dates(text, "fr", dt.date(2014, 10, 9)) == {"2014-10-03"}


def test_a_span_of_days_and_the_issue_that_reported_it() -> None:
    text = (
        "Dix-huit revendeurs ont été arrêtés, rapporte Mutations dans son numéro du 6 avril 2023. "
        "Ils ont été interpellés à Douala entre le 6 et le 15 mars 2023."
    )
    assert drafted_dates(text, "fr", None) == {"2023-03-06", "2023-03-15"}


def test_a_day_said_with_a_spanish_saying_verb_is_no_event() -> None:
    text = "Fuentes de la Guardia Civil han señalado hoy que el fraude supera el millón de euros."
    assert drafted_dates(text, "es", dt.date(2009, 3, 20)) == set()


def test_a_month_in_a_sentence_in_the_future_tense_is_still_to_come() -> None:
    text = "Il reconnaît deux chefs d'accusation. Sa peine ne tombera qu'en décembre."
    assert drafted_dates(text, "fr", dt.date(2011, 9, 26)) == set()


def test_where_cards_were_sold_off_is_no_place_of_the_operation() -> None:
    text = (
        "Le parquet belge a obtenu gain de cause contre des pirates qui écoulaient des cartes de "
        "visualisation vers l'Allemagne et l'Autriche."
    )
    assert facts_of(text, "fr")["country"] == {"BE"}


@pytest.mark.parametrize(
    "text",
    [
        "Il était poursuivi sur la base de l'amendement dit « Vivendi », adopté en 2005.",
        "Le tribunal a condamné des pirates qui, de 2006 à 2008, vendaient des cartes.",
    ],
)
def test_a_laws_year_and_the_end_of_a_span_of_years_are_no_events(text: str) -> None:
    assert drafted_dates(text, "fr", dt.date(2016, 10, 7)) == set()


def test_the_countries_people_are_from_counted_one_by_one() -> None:
    text = (
        "La policía de Barcelona, en España, ha detenido a 12 personas: siete son de Bangladesh, "
        "uno de la India y otro de Pakistán."
    )
    assert facts_of(text, "es")["country"] == {"ES"}


def test_a_country_that_is_all_a_quotation_holds_is_a_title() -> None:
    text = (
        "Le premier détenait 82 DVD illégaux, des nouveautés comme « Madagascar », qui devaient sortir "
        "en Belgique plus tard."
    )
    assert facts_of(text, "fr")["country"] == {"BE"}


@pytest.mark.parametrize(
    ("text", "lang", "published", "expected"),
    [
        (
            "L'indagine comincia nel giugno 2014. Il 16 giugno di quell'anno, durante una perquisizione, "
            "l'uomo era stato arrestato.",
            "it",
            dt.date(2025, 6, 21),
            {"2014-06", "2014-06-16"},
        ),
        (
            "The site opened in 2009. On 3 March of that year, police raided the owner's home.",
            "en",
            None,
            {"2009-03-03"},  # a site's opening year is background
        ),
        (
            "La web nació en 2016. El 5 de mayo de ese mismo año la policía detuvo al dueño.",
            "es",
            None,
            {"2016-05-05"},  # a site's birth year is background
        ),
        (
            "Le site est né en 2016. Le 5 mai de cette année-là, la police a arrêté le gérant.",
            "fr",
            dt.date(2019, 6, 1),
            {"2016-05-05"},
        ),
        # "this year" is the publication's
        (
            "La web nació en 2016. El 5 de mayo de este año la policía detuvo al dueño.",
            "es",
            dt.date(2019, 6, 1),
            {"2019-05-05", "2019"},
        ),
    ],
)
def test_a_day_of_that_year_takes_the_year_named_last(
    text: str, lang: str, published: dt.date | None, expected: set[str]
) -> None:
    assert drafted_dates(text, lang, published) == expected


def test_a_dateline_gives_the_country_of_an_article_naming_none() -> None:
    text = "WINDHOEK – Police raided a market on Friday and seized pirated discs."
    assert facts_of(text, "en")["country"] == {"NA"}


def test_a_dateline_gives_no_country_when_the_article_names_one() -> None:
    text = (
        "MUMBAI: Agents arrested 26 people in Puerto Rico, in the United States, for selling pirated discs."
    )
    assert facts_of(text, "en")["country"] == {"US", "PR"}


def test_a_word_of_a_bodys_own_name_is_no_region() -> None:
    # "Centrale" is a region of Togo, and here only the name of the Siae's inspectorate
    text = "Sono stati impegnati 12 uomini dell'Ispettorato Centrale della Siae per i controlli."
    assert facts_of(text, "it")["country"] == set()


def test_the_towns_a_drive_covered_give_its_country() -> None:
    text = "L'operazione, estesa ai comuni di Salerno, Battipaglia e Campagna, ha impegnato 90 militari."
    assert facts_of(text, "it")["country"] == {"IT"}


def test_a_seat_that_opens_a_body_s_name_or_follows_and_gives_its_country() -> None:
    text = "He was arrested by Avon and Somerset Police after a raid."
    assert facts_of(text, "en")["country"] == {"GB"}


def test_a_district_of_a_state_named_like_a_country_names_the_state() -> None:
    text = "A federal jury in the Northern District of Georgia, in the United States, convicted a DVD seller."
    assert facts_of(text, "en")["country"] == {"US"}


def test_the_country_georgia_stays_a_country() -> None:
    text = "Police in Georgia arrested two men in Tbilisi for selling pirated films."
    assert facts_of(text, "en")["country"] == {"GE"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La Guardia Civil ha arrestado en Plasencia a cinco personas llegadas de Senegal.", "es", {"ES"}),
        ("La police a arrêté à Lyon trois hommes arrivés de Guinée.", "fr", {"FR"}),
        ("I carabinieri hanno arrestato a Napoli due uomini arrivati dal Senegal.", "it", {"IT"}),
    ],
)
def test_where_people_arrived_from_is_no_country_of_the_arrests(
    text: str, lang: str, expected: set[str]
) -> None:
    found = facts_of(text, lang, FRIDAY)
    assert (found["country"], found["arrest"]) == (expected, expected)


@pytest.mark.parametrize(
    "text",
    [
        "La Policía intervino ayer 2.258 discos. Esta intervención llega después de la que llevó a cabo "
        "la Brigada el pasado 5 de abril.",
        "La Policía intervino ayer 2.258 discos. Aquella operación, el pasado 5 de abril, "
        "terminó con quince detenidos.",
    ],
)
def test_the_operation_this_one_comes_after_gives_no_date(text: str) -> None:
    assert drafted_dates(text, "es", dt.date(2006, 5, 3)) == {"2006-05-02"}


def test_this_operation_s_own_date_stays() -> None:
    assert drafted_dates(
        "La Policía intervino el pasado 5 de abril 2.258 discos.", "es", dt.date(2006, 5, 3)
    ) == {"2006-04-05"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Police arrested two men last November.", "en", "2022-11"),
        ("La denuncia contra los bares se presentó el pasado noviembre.", "es", "2022-11"),
        ("La polizia ha arrestato due uomini lo scorso novembre.", "it", "2022-11"),
        ("La polizia ha arrestato due uomini nel novembre scorso.", "it", "2022-11"),
    ],
)
def test_a_month_named_past_before_or_after_it_is_the_latest_before_publication(
    text: str, lang: str, expected: str
) -> None:
    assert facts_of(text, lang, FRIDAY)["date"] == {expected}


def test_a_month_of_a_year_counted_back_is_not_read_alone() -> None:
    text = "Le indagini, che nel settembre di due anni fa avevano portato a un primo intervento, continuano."
    assert "2022-09" not in facts_of(text, "it", FRIDAY)["date"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A polícia prendeu dois homens nesta quinta.", "2023-03-16"),
        ("A polícia prendeu dois homens na última sexta.", "2023-03-10"),
        ("A polícia prendeu dois homens na sexta-feira passada.", "2023-03-10"),
    ],
)
def test_a_portuguese_weekday_short_or_marked_past(text: str, expected: str) -> None:
    assert facts_of(text, "pt", FRIDAY)["date"] == {expected}


def test_a_portuguese_ordinal_is_no_weekday() -> None:
    assert facts_of("A segunda fase da operação prendeu dois homens.", "pt", FRIDAY)["date"] == set()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('Police seized 8,000 discs. "Today we are proud to burn them," the chief said.', "en"),
        ("La police a saisi 3 000 CD. « Nous les détruisons aujourd'hui », a dit le préfet.", "fr"),
        ('A PSP apreendeu mil CD. "O que se passa aqui hoje é grave", disse o comandante.', "pt"),
    ],
)
def test_a_day_named_inside_a_quotation_is_the_speakers_not_an_event(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == set()


def test_a_day_named_after_a_closed_quotation_stays_an_event() -> None:
    text = 'The ring sold "premium" discs. Police raided its depot yesterday.'
    assert drafted_dates(text, "en", TUESDAY_23_APRIL) == {"2002-04-22"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A investigação contou com a Apdif, fundada em 1995, e a polícia apreendeu mil CD.", "pt"),
        ("Police raided the site, which was established in 1999.", "en"),
    ],
)
def test_the_year_a_body_or_site_was_founded_is_no_event(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == set()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il sito, nato nel 1999, è stato sequestrato ieri dalla Guardia di Finanza.", "it"),
        ("Le site, né en 1999, a été fermé hier par la gendarmerie.", "fr"),
    ],
)
def test_the_year_a_site_was_born_is_no_event(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == {"2002-04-22"}


def test_the_year_an_inquiry_was_born_stays_its_start() -> None:
    text = "L'indagine della Guardia di Finanza è nata nel 2001 e ha portato al sequestro di mille CD."
    assert drafted_dates(text, "it", TUESDAY_23_APRIL) == {"2001"}


def test_the_day_of_a_saying_qualified_early_is_no_event() -> None:
    text = "Police arrested three people in the raid, radio dzBB said early Monday."
    assert drafted_dates(text, "en", TUESDAY_23_APRIL) == set()


def test_an_arrest_without_place_takes_the_country_of_the_operations_own_bodies() -> None:
    text = (
        "El local estaba en la esquina de las calles Chile e Imbabura, en Quito. La Fiscalía de Aduanas "
        "incautó los discos.\n\nLos vendedores protestaron por la detención de dos personas.\n\n"
        "Según el Servicio de Rentas Internas (SRI), el Estado pierde 55 millones."
    )
    assert facts_of(text, "es")["arrest"] == {"EC"}


def test_boxes_set_up_to_stream_leave_today_the_day_of_the_arrests() -> None:
    text = "Today the unit hit the trade, arresting several people selling boxes set up to stream films."
    assert drafted_dates(text, "en", TUESDAY_23_APRIL) == {"2002-04-23"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("CHICOUTIMI, le mardi 23 avril 2002 - La GRC a arrêté hier deux vendeurs de décodeurs.", "fr"),
        ("Bruxelles, le 23 avril 2002 - La cour d'appel a tranché hier.", "fr"),
        ("MARKHAM (Ontario), 23 avril - La GRC a saisi hier des milliers de disques.", "fr"),
        ("HANOI, Vietnam, April 23, 2002 /PRNewswire/ - Police raided a shop yesterday.", "en"),
        ("MOLFETTA - 23.4.2002\n\nI finanzieri hanno scoperto ieri una centrale di masterizzazione.", "it"),
    ],
)
def test_a_dateline_with_its_region_or_article_is_no_event(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == {"2002-04-22"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police seized the discs sold on joyseries.com, a site that still runs today.", "en"),
        ("La policía cerró la web joyseriestv.com, que hoy ya no funciona.", "es"),
        ("Oscurati dalla Guardia di Finanza, oggi non sono più raggiungibili.", "it"),
        ("A polícia prendeu o dono do site CDPoint.org.br, hoje fora do ar.", "pt"),
        ("La jeune femme, aujourd'hui âgée de 23 ans, a été condamnée par le tribunal.", "fr"),
        ("El cardsharing constituye hoy la principal amenaza para las plataformas.", "es"),
    ],
)
def test_today_as_the_state_of_things_now_is_no_event(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == set()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il blitz è scattato stamattina: i baschi verdi hanno sequestrato mille CD.", "it"),
        ("Le indagini si sono svolte tra la fine del 2001 e oggi in numerose province.", "it"),
        ("Hoy las fuerzas de seguridad han desmantelado tres laboratorios.", "es"),
    ],
)
def test_today_beside_a_past_tense_or_a_conjunction_stays_the_day_of_the_action(text: str, lang: str) -> None:
    assert "2002-04-23" in drafted_dates(text, lang, TUESDAY_23_APRIL)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A spokesman for the Customs and Excise Department stressed today that raids would go on.", "en"),
        ("Speaking today, the head of the task force said the unit would keep raiding.", "en"),
        ("The commission gave the figures in a statement today.", "en"),
    ],
)
def test_the_day_of_a_stressing_or_a_statement_is_no_event(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == set()


def test_a_court_of_appeal_confirming_a_sentence_dates_it() -> None:
    text = "La cour d'appel de Poitiers a confirmé le 6 avril dernier la condamnation du pirate."
    assert drafted_dates(text, "fr", TUESDAY_23_APRIL) == {"2002-04-06"}


def test_a_member_of_the_public_reporting_a_shop_dates_the_report() -> None:
    text = "A member of the public had reported the shop to the police in March 2002."
    assert drafted_dates(text, "en", TUESDAY_23_APRIL) == {"2002-03"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A PRF apreendeu 6.646.738 CDs em 2001, 364% a mais do que em 2000.", "pt"),
        ("Customs seized 40,000 discs in 2001, far more than in 2000.", "en"),
        ("La Guardia di Finanza ha sequestrato mille CD nel 2001, il doppio rispetto al 2000.", "it"),
        ("La douane a saisi mille CD en 2001, deux fois plus qu'en 2000.", "fr"),
    ],
)
def test_the_year_a_tally_is_compared_with_is_no_event(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == {"2001"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("L'AGCOM applica la legge n. 93 del 14 luglio 2001 e ha oscurato ieri 45 siti.", "it"),
        ("Il sito violava il d.lgs. n. 68 del 9 aprile 2001; i finanzieri lo hanno oscurato ieri.", "it"),
        ("O arguido violou a Lei n.º 109/2001, de 15 de setembro, e foi condenado ontem.", "pt"),
        ("Ao abrigo do DL 48/95, de 15 de março, o arguido foi condenado ontem.", "pt"),
    ],
)
def test_a_law_numbered_with_an_abbreviation_dates_no_event(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == {"2002-04-22"}


@pytest.mark.parametrize(
    "text",
    [
        "Violava l'art. 171-ter della legge 22 aprile 1941, n. 633; i finanzieri lo hanno denunciato ieri.",
        "Violava l'art. 171 della Legge 22/04/1941 n. 633; i finanzieri lo hanno denunciato ieri.",
        "Violava il decreto legislativo 9 aprile 2001, n. 68; i finanzieri lo hanno denunciato ieri.",
        "La direttiva 98/84/CE del 20 novembre 1998 tutela i servizi; i finanzieri lo hanno denunciato ieri.",
    ],
)
def test_an_italian_law_or_a_directive_dated_right_after_its_word_dates_no_event(text: str) -> None:
    assert drafted_dates(text, "it", TUESDAY_23_APRIL) == {"2002-04-22"}


def test_a_day_after_a_law_and_its_article_is_still_an_event() -> None:
    text = "In base alla legge, il 20 aprile i finanzieri hanno sequestrato 300 CD."
    assert drafted_dates(text, "it", TUESDAY_23_APRIL) == {"2002-04-20"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Esquivaron a la justicia hasta el 1 de junio de 2001, cuando entró en vigor una reforma.", "es"),
        ("La norma, entrata in vigore l'8 agosto 2001, prevede sanzioni più dure.", "it"),
        ("The rules took effect on 1 July 2001, and the agency blocked 45 sites.", "en"),
    ],
)
def test_the_day_a_law_came_into_force_is_no_event(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == set()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The state law, in force since 1 January 2002, makes taping a film a crime.", "en"),
        ("I reati rimandano alla nuova legge, in vigore dal 14 gennaio 2002.", "it"),
        ("La ley, en vigor desde el 1 de mayo de 2001, permite bloquear webs.", "es"),
    ],
)
def test_the_day_a_law_has_been_in_force_since_is_no_event(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == set()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Os agentes fizeram ontem uma megaoperação na Galeria Pagé, vizinha da Rua 25 de Março.", "pt"),
        ("La policía requisó ayer mil discos en la avenida 9 de Julio.", "es"),
        ("Ieri i finanzieri hanno sequestrato mille CD in via XX Settembre e in via 4 Novembre.", "it"),
    ],
)
def test_a_street_named_after_a_day_dates_no_event(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == {"2002-04-22"}


def test_a_weekday_after_a_shopping_centre_named_boulevard_is_a_day() -> None:
    text = "Polícia apreende jogos no Shopping Boulevard\n\nNesta sexta-feira (19), a polícia agiu."
    assert drafted_dates(text, "pt", TUESDAY_23_APRIL) == {"2002-04-19"}


def test_a_first_publication_note_dates_no_event() -> None:
    text = "Le tribunal a débouté Nintendo hier.\n\nPremière publication le 23 avril 2002 (15 heures)"
    assert drafted_dates(text, "fr", TUESDAY_23_APRIL) == {"2002-04-22"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("(23 aprile 2002) ROMA - I finanzieri hanno sequestrato mille CD.", "it"),
        ("Martes 23 de abril de 2002, p. 37.\n\nLa policía destruyó mil discos.", "es"),
    ],
)
def test_the_publication_day_in_brackets_or_with_its_page_is_a_dateline(text: str, lang: str) -> None:
    assert drafted_dates(text, lang, TUESDAY_23_APRIL) == set()


def test_a_year_written_with_a_thousands_dot_in_a_spanish_ruling() -> None:
    text = "El juzgado dictó auto de 4 de abril de 2.006 y archivó la causa."
    assert drafted_dates(text, "es", None) == {"2006-04-04"}


def test_a_count_with_a_thousands_dot_after_a_day_is_no_year() -> None:
    text = "Le 4 avril, 2.500 CD ont été saisis par la police."
    assert drafted_dates(text, "fr", FRIDAY) == {"2022-04-04"}  # the April before publication


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Grenada's name in Spanish, a Spanish province's in every language
        ("Police carried out eight raids in Granada and arrested thirty-nine people.", "en", set()),
        ("A polícia de Salvador apreendeu 50 mil CDs piratas num laboratório.", "pt", set()),
        # in a language that names the country so, it stays the country
        ("La policía de Granada detuvo en Saint George's a dos vendedores de discos.", "es", {"GD"}),
        ("A polícia de Granada, no Caribe, apreendeu 500 discos piratas.", "pt", {"GD"}),
    ],
)
def test_a_country_s_name_in_another_language_that_is_also_a_place_names_the_place(
    text: str, lang: str, expected: set[str]
) -> None:
    assert facts_of(text, lang)["country"] == expected


@pytest.mark.parametrize(
    ("text", "lang", "arrests"),
    [
        # Spain's old short prison penalty, given by a court
        (
            "El Juzgado de lo Penal 10 de Barcelona condenó al dueño del videoclub a un mes y un día de "
            "arresto mayor.",
            "es",
            set(),
        ),
        # holding a weapon or goods, in the words of a charge or an order
        (
            "O Ministério Público de Coimbra imputa a um arguido um crime de detenção de arma proibida.",
            "pt",
            set(),
        ),
        (
            "La decisión supuso la detención de unas 5.800 cintas de un videoclub de Bogotá, Colombia.",
            "es",
            set(),
        ),
        # the same words for people are arrests
        (
            "La Policía de Bogotá, en Colombia, anunció la detención de dos vendedores de cintas.",
            "es",
            {"CO"},
        ),
    ],
)
def test_a_penalty_of_arrest_and_holding_things_are_no_arrests(
    text: str, lang: str, arrests: set[str]
) -> None:
    assert facts_of(text, lang)["arrest"] == arrests


def test_like_arrests_in_other_countries_are_neither_arrests_nor_countries_of_the_operation() -> None:
    text = (
        "La policía de Aichi detuvo a un hombre en Japón por vender el aparato. Según la empresa, ha "
        "habido detenciones parecidas en Corea del Sur, Taiwán, Italia, Alemania y Holanda."
    )
    assert facts_of(text, "es") == {"country": {"JP"}, "date": set(), "arrest": {"JP"}}
