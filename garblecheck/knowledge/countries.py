"""Country names, adjectives and demonyms as news writes them, mapped to one canonical name.

The canonical names are those of the officeholder data (``United Kingdom``, ``United States``,
``Czechia``), so a title's "Russian" or "Britain's" can be compared with a term's country.
Covers the G20, NATO and the countries news mentions most; unknown words map to nothing.
"""

from __future__ import annotations

# canonical name -> the other ways news names the country or its people (case-sensitive forms)
_FORMS: dict[str, tuple[str, ...]] = {
    "Afghanistan": ("Afghan",),
    "Albania": ("Albanian",),
    "Argentina": ("Argentine", "Argentinian", "Argentinean"),
    "Armenia": ("Armenian",),
    "Australia": ("Australian",),
    "Austria": ("Austrian",),
    "Azerbaijan": ("Azerbaijani", "Azeri"),
    "Belarus": ("Belarusian", "Belarussian"),
    "Belgium": ("Belgian",),
    "Brazil": ("Brazilian",),
    "Bulgaria": ("Bulgarian",),
    "Canada": ("Canadian",),
    "China": ("Chinese", "PRC"),
    "Croatia": ("Croatian",),
    "Cyprus": ("Cypriot",),
    "Czechia": ("Czech", "Czech Republic"),
    "Denmark": ("Danish",),
    "Egypt": ("Egyptian",),
    "Estonia": ("Estonian",),
    "European Union": ("EU", "European"),
    "Finland": ("Finnish",),
    "France": ("French",),
    "Georgia": ("Georgian",),
    "Germany": ("German",),
    "Greece": ("Greek",),
    "Hungary": ("Hungarian",),
    "Iceland": ("Icelandic",),
    "India": ("Indian",),
    "Indonesia": ("Indonesian",),
    "Iran": ("Iranian",),
    "Iraq": ("Iraqi",),
    "Ireland": ("Irish",),
    "Israel": ("Israeli",),
    "Italy": ("Italian",),
    "Japan": ("Japanese",),
    "Jordan": ("Jordanian",),
    "Kazakhstan": ("Kazakh",),
    "Latvia": ("Latvian",),
    "Lebanon": ("Lebanese",),
    "Lithuania": ("Lithuanian",),
    "Luxembourg": ("Luxembourgish",),
    "Malta": ("Maltese",),
    "Mexico": ("Mexican",),
    "Moldova": ("Moldovan",),
    "Montenegro": ("Montenegrin",),
    "Netherlands": ("Dutch", "Holland", "the Netherlands"),
    "New Zealand": ("New Zealander",),
    "Nigeria": ("Nigerian",),
    "North Korea": ("North Korean", "DPRK"),
    "North Macedonia": ("Macedonian", "Macedonia"),
    "Norway": ("Norwegian",),
    "Pakistan": ("Pakistani",),
    "Poland": ("Polish",),
    "Portugal": ("Portuguese",),
    "Qatar": ("Qatari",),
    "Romania": ("Romanian",),
    "Russia": ("Russian", "Russian Federation"),
    "Saudi Arabia": ("Saudi",),
    "Serbia": ("Serbian",),
    "Slovakia": ("Slovak", "Slovakian"),
    "Slovenia": ("Slovenian", "Slovene"),
    "South Africa": ("South African",),
    "South Korea": ("South Korean", "Korea", "Korean"),
    "Spain": ("Spanish",),
    "Sweden": ("Swedish",),
    "Switzerland": ("Swiss",),
    "Syria": ("Syrian",),
    "Taiwan": ("Taiwanese",),
    "Turkey": ("Turkish", "Türkiye", "Turkiye"),
    "Ukraine": ("Ukrainian",),
    "United Arab Emirates": ("UAE", "Emirati"),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain", "British", "the UK"),
    "United States": ("US", "U.S.", "USA", "America", "American", "the US", "the United States"),
    "Venezuela": ("Venezuelan",),
}

COUNTRY_FORMS: dict[str, str] = {}
for _canon, _forms in _FORMS.items():
    COUNTRY_FORMS[_canon] = _canon
    for _form in _forms:
        COUNTRY_FORMS[_form] = _canon

# possessives: "Russia's", "Britain's", "the UK's"
for _form, _canon in list(COUNTRY_FORMS.items()):
    COUNTRY_FORMS[_form + "'s"] = _canon
    COUNTRY_FORMS[_form + "’s"] = _canon


def country_of(word: str) -> str | None:
    """The canonical country a name, adjective or possessive ("Britain's") refers to."""
    return COUNTRY_FORMS.get(word)


def adjective(country: str) -> str:
    """The adjective news puts before a title ("Russian President"); the name when none."""
    forms = _FORMS.get(country, ())
    special = {"United Kingdom": "British", "United States": "US", "European Union": "EU"}
    if country in special:
        return special[country]
    return forms[0] if forms else country
