"""Unit vocabulary for the number grammar: currencies (ISO codes), percent, measurement units.

Only data and small lookups live here; :mod:`checker.numbers` decides where a unit may attach.
Measurement-unit names follow quantulum3's vocabulary ("mile per hour", "kilometre") so that the
two readers agree on names when the fallback parser is used.
"""

from __future__ import annotations

import re

# Symbols and codes written before the number ("$5", "US$5", "USD10m", "RM120,000", "£2.4bn").
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "US $": "USD", "$US": "USD", "U.S.$": "USD", "USD": "USD", "USD ": "USD",
    "A$": "AUD", "$A": "AUD", "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "HK$": "HKD", "HK $": "HKD", "HKD": "HKD", "NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD",
    "R$": "BRL", "$": "USD", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY",
    "JPY": "JPY", "Y=": "JPY", "₹": "INR", "Rs": "INR", "Rs.": "INR", "INR": "INR", "RM": "MYR",
    "CHF": "CHF", "CNY": "CNY", "RMB": "CNY", "₩": "KRW", "₪": "ILS", "NIS": "ILS", "₽": "RUB",
    "PS": "GBP",  # "£" as rendered by some news feeds; only when glued to digits
    "Mex$": "MXN", "MXN$": "MXN", "MX$": "MXN", "₺": "TRY", "₱": "PHP", "₦": "NGN", "฿": "THB", "₫": "VND",
    "₴": "UAH", "₸": "KZT", "₡": "CRC", "₭": "LAK", "₾": "GEL", "₿": "BTC", "zł": "PLN",
}
# ISO codes written before the number, glued or spaced ("SEK 5 billion", "NOK300m")
# (not COP or PHP: "COP26", "PHP 8" are a summit and a language)
CURRENCY_PREFIXES.update({code: code for code in [
    "SEK", "NOK", "DKK", "ZAR", "BRL", "MXN", "RUB", "TRY", "KRW", "PLN", "CZK", "HUF", "AED", "SAR", "QAR",
    "KWD", "EGP", "NGN", "KES", "PKR", "IDR", "THB", "VND", "TWD", "ARS", "CLP"]})
# Symbols written after the number ("1,200€") and currency words ("420 million Finnish markka").
CURRENCY_SUFFIX_SYMBOLS: dict[str, str] = {
    "€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "元": "CNY", "₹": "INR", "₩": "KRW", "₽": "RUB",
    "₺": "TRY", "₱": "PHP", "₦": "NGN", "฿": "THB", "₫": "VND", "₴": "UAH", "₸": "KZT", "₡": "CRC",
    "₭": "LAK", "₾": "GEL", "₿": "BTC",
}
CURRENCY_WORDS: dict[str, str] = {
    "us dollars": "USD", "u.s. dollars": "USD", "us dollar": "USD", "u.s. dollar": "USD",
    "chinese yuan": "CNY", "canadian dollar": "CAD", "australian dollar": "AUD", "american dollars": "USD",
    "dollars": "USD",
    "dollar": "USD", "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD",
    "new zealand dollars": "NZD", "singapore dollars": "SGD", "taiwan dollars": "TWD", "euros": "EUR",
    "euro": "EUR", "pounds sterling": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "shekels": "ILS", "shekel": "ILS",
    "danish crowns": "DKK", "danish kroner": "DKK", "swedish crowns": "SEK", "swedish kronor": "SEK",
    "norwegian crowns": "NOK", "norwegian kroner": "NOK", "crowns": "DKK", "swiss francs": "CHF",
    "francs": "CHF", "won": "KRW", "ringgit": "MYR", "pesos": "MXN", "roubles": "RUB", "rubles": "RUB",
    "rand": "ZAR", "reais": "BRL", "lira": "TRY", "dirhams": "AED", "riyals": "SAR", "baht": "THB",
    "finnish markka": "FIM", "markka": "FIM", "kuna": "HRK", "zloty": "PLN",
    "naira": "NGN", "cents": "cent", "cent": "cent", "pence": "penny", "sen": "sen",
}
# ISO code -> name; "<nationality> <currency>" as written ("Indian rupees", "Mexican pesos", "South
# African rand"), plural and singular
NATIONAL_CURRENCIES = {
    "INR": "indian rupee", "PKR": "pakistani rupee", "LKR": "sri lankan rupee", "NPR": "nepalese rupee",
    "MXN": "mexican peso", "ARS": "argentine peso", "CLP": "chilean peso", "COP": "colombian peso",
    "PHP": "philippine peso", "BRL": "brazilian real", "RUB": "russian rouble", "ZAR": "south african rand",
    "TRY": "turkish lira", "IDR": "indonesian rupiah", "THB": "thai baht", "EGP": "egyptian pound",
    "NGN": "nigerian naira", "KES": "kenyan shilling", "UGX": "ugandan shilling", "TZS": "tanzanian shilling",
    "GHS": "ghanaian cedi", "PLN": "polish zloty", "CZK": "czech koruna", "HUF": "hungarian forint",
    "RON": "romanian leu", "UAH": "ukrainian hryvnia", "KZT": "kazakh tenge", "VND": "vietnamese dong",
    "KRW": "south korean won", "TWD": "new taiwan dollar", "SAR": "saudi riyal", "QAR": "qatari riyal",
    "AED": "emirati dirham", "MAD": "moroccan dirham", "KWD": "kuwaiti dinar", "JOD": "jordanian dinar",
    "IQD": "iraqi dinar", "BHD": "bahraini dinar", "IRR": "iranian rial", "BDT": "bangladeshi taka",
    "MYR": "malaysian ringgit", "ISK": "icelandic krona", "SEK": "swedish krona", "NOK": "norwegian krone",
    "DKK": "danish krone", "CHF": "swiss franc", "JPY": "japanese yen", "CNY": "chinese yuan",
    "NZD": "new zealand dollar", "SGD": "singapore dollar", "HKD": "hong kong dollar",
    "AUD": "australian dollar", "CAD": "canadian dollar", "ILS": "israeli shekel", "GBP": "british pound",
    "CRC": "costa rican colón", "LAK": "lao kip", "GEL": "georgian lari", "BTC": "bitcoin",
}
_PLURALS = {"peso": "pesos", "rupee": "rupees", "rouble": "roubles", "real": "reais", "pound": "pounds",
            "shilling": "shillings", "cedi": "cedis", "zloty": "zlotys", "forint": "forints", "leu": "lei",
            "hryvnia": "hryvnias", "riyal": "riyals", "dirham": "dirhams", "dinar": "dinars", "rial": "rials",
            "krona": "kronor", "krone": "kroner", "franc": "francs", "dollar": "dollars", "shekel": "shekels"}
for _code, _name in NATIONAL_CURRENCIES.items():
    _head = _name.split()[-1]
    for _form in {_name, _name[: -len(_head)] + _PLURALS.get(_head, _head)}:
        CURRENCY_WORDS.setdefault(_form, _code)
CURRENCY_WORDS.update({"kronor": "SEK", "krona": "SEK",
                       "rubles": "RUB", "ruble": "RUB", "russian rubles": "RUB", "rupiah": "IDR",
                       "zlotys": "PLN", "forints": "HUF", "hryvnias": "UAH", "cedis": "GHS", "dinars": "IQD",
                       "bitcoins": "BTC", "bitcoin": "BTC", "peso": "MXN"})

PERCENT_WORDS: dict[str, str] = {
    "%": "percent", "per cent": "percent", "percent": "percent", "pc": "percent", "pct": "percent",
    "percentage points": "percentage point", "percentage point": "percentage point",
    "basis points": "basis point", "basis point": "basis point", "bps": "basis point", "bp": "basis point",
    "pp": "percentage point", "ppt": "percentage point", "ppts": "percentage point",
}

# Measurement units: surface -> normalized name. Words match case-insensitively; abbreviations
# (ABBREVIATIONS) match as written. One-letter abbreviations attach only when glued to the digits.
MEASURE_WORDS: dict[str, str] = {}
_WORD_UNITS = {
    "mile per hour": "miles per hour|mile per hour|miles an hour|miles-per-hour",
    "kilometre per hour": "kilometres per hour|kilometers per hour|kilometres an hour|kilometers an hour",
    "mile per gallon": "miles per gallon",
    "square mile": "square miles|square mile|sq miles|sq mi", "square kilometre":
    "square kilometres|square kilometers|square kilometre|square kilometer|sq km",
    "square metre": "square metres|square meters|square metre|square meter|sq m|sqm",
    "square foot": "square feet|square foot|sq ft", "cubic foot": "cubic feet|cubic foot",
    "cubic metre": "cubic metres|cubic meters", "mile": "miles|mile", "kilometre":
    "kilometres|kilometers|kilometre|kilometer", "metre": "metres|meters|metre|meter",
    "centimetre": "centimetres|centimeters|centimetre|centimeter", "millimetre":
    "millimetres|millimeters|millimetre|millimeter", "nanometre": "nanometres|nanometers|nanometre|nanometer",
    "micrometre": "micrometres|micrometers|microns|micron", "foot": "feet|foot", "inch": "inches|inch",
    "yard": "yards|yard", "acre": "acres|acre", "hectare": "hectares|hectare",
    "kilogram": "kilograms|kilogrammes|kilogram|kilos|kilo", "gram": "grams|gram|grammes",
    "milligram": "milligrams|milligram", "microgram": "micrograms|microgram",
    "tonne": "tonnes|tonne|metric tons", "ton": "tons|ton", "pound-mass": "pounds|pound|lbs",
    "ounce": "ounces|ounce", "litre": "litres|liters|litre|liter", "millilitre": "millilitres|milliliters",
    "gallon": "gallons|gallon", "barrel": "barrels|barrel", "pint": "pints|pint", "quart": "quarts|quart",
    "watt": "watts|watt", "kilowatt": "kilowatts|kilowatt", "megawatt": "megawatts|megawatt",
    "gigawatt": "gigawatts|gigawatt", "kilowatt hour": "kilowatt-hours|kilowatt hours|kilowatt-hour",
    "megawatt hour": "megawatt-hours|megawatt hours", "gigawatt hour": "gigawatt-hours|gigawatt hours",
    "terawatt hour": "terawatt-hours|terawatt hours", "volt": "volts|volt", "ampere": "amps|amperes",
    "horsepower": "horsepower|brake horsepower", "degree celsius":
    "degrees celsius|degree celsius|degrees centigrade|celsius|centigrade|celcius|degrees c|deg celsius|"
    "deg c|deg. c", "degree fahrenheit":
    "degrees fahrenheit|degree fahrenheit|degrees farenheit|fahrenheit|farenheit|degrees f|deg fahrenheit|"
    "deg f|deg. f", "degree": "degrees|degree|deg",
    "cup": "cups|cup", "tablespoon": "tablespoons|tablespoon|tbsp", "teaspoon": "teaspoons|teaspoon|tsp",
    "decibel": "decibels|decibel", "hertz": "hertz", "megahertz": "megahertz", "gigahertz": "gigahertz",
    "calorie": "calories|calorie", "byte": "bytes", "gigabyte": "gigabytes|gigabyte",
    "terabyte": "terabytes|terabyte", "megabyte": "megabytes|megabyte",
    "second": "seconds|second|secs", "minute": "minutes|minute|mins", "hour": "hours|hour|hrs",
    "day": "days|day", "week": "weeks|week", "month": "months|month", "year": "years|year|yrs",
    "decade": "decades|decade", "century": "centuries|century", "light year": "light years|light-years",
    "knot": "knots|knot", "nautical mile": "nautical miles|nautical mile", "magnitude": "magnitude",
    "pound-foot": "pound-feet|pound feet|lb-ft|lb ft",
    "revolutions per minute": "revolutions per minute|rpm", "parts per million": "parts per million|ppm",
    "parts-per-billion": "parts per billion|ppb",
}
for _name, _surfaces in _WORD_UNITS.items():
    for _s in _surfaces.split("|"):
        MEASURE_WORDS[_s] = _name

ABBREVIATIONS: dict[str, str] = {
    "km/h": "kilometre per hour", "km/hr": "kilometre per hour", "kph": "kilometre per hour",
    "mph": "mile per hour", "mpg": "mile per gallon", "km": "kilometre", "cm": "centimetre",
    "mm": "millimetre", "dm": "decimetre", "μg": "microgram", "µg": "microgram", "nm": "nanometre",
    "μm": "micrometre", "µm": "micrometre", "m2": "square metre",
    "km2": "square kilometre", "ft": "foot", "mi": "mile", "kg": "kilogram", "mg": "milligram",
    "lb": "pound-mass", "lbs": "pound-mass", "oz": "ounce", "mL": "millilitre", "ml": "millilitre",
    "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "kWh": "kilowatt hour", "MWh": "megawatt hour",
    "GWh": "gigawatt hour", "TWh": "terawatt hour", "hp": "horsepower", "bhp": "brake horsepower",
    "PS": "horsepower", "Nm": "newton metre", "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz",
    "GHz": "gigahertz", "GB": "gigabyte", "TB": "terabyte", "MB": "megabyte", "mAh": "milliampere-hour",
    "mmBtu": "million british thermal unit", "MMBtu": "million british thermal unit",
    "mmBTU": "million british thermal unit", "MMBTU": "million british thermal unit", "dB": "decibel",
    "GPa": "gigapascal", "°C": "degree celsius", "°F": "degree fahrenheit",
    "ºC": "degree celsius", "ºF": "degree fahrenheit", "° C": "degree celsius", "° F": "degree fahrenheit",
    "° Celsius": "degree celsius", "° Fahrenheit": "degree fahrenheit", "°": "degree", "sq ft": "square foot",
    "sq m": "square metre", "min": "minute", "sec": "second", "hr": "hour", "kt": "knot",
    "″": "inch", "in.": "inch", "ppm": "parts per million", "ppb": "parts-per-billion",
}
GLUED_ONLY: dict[str, str] = {
    "m": "metre", "g": "gram", "l": "litre", "L": "litre", "s": "second", "h": "hour", "t": "tonne",
    "W": "watt", "V": "volt", "A": "ampere", "F": "farad", "C": "degree celsius", "K": "kelvin",
    "B": "byte", "G": "generation wireless",
}
SPACED_SINGLE = {"W": "watt", "V": "volt", "C": "degree celsius", "F": "degree fahrenheit", "m": "metre",
                 "g": "gram"}


def _alternation(surfaces: list[str]) -> str:
    return "|".join(re.escape(s).replace(r"\ ", r"[\s-]+") for s in sorted(surfaces, key=len, reverse=True))


_END = r"(?![A-Za-z0-9])"
MEASURE_WORD_RE = re.compile(rf"[\s-]*({_alternation(list(MEASURE_WORDS))}){_END}", re.IGNORECASE)
ABBREV_RE = re.compile(rf"[\s-]?({_alternation(list(ABBREVIATIONS))})(?![A-Za-z])")
GLUED_RE = re.compile(rf"({_alternation(list(GLUED_ONLY))})(?![A-Za-z])")
SPACED_SINGLE_RE = re.compile(r" ([WVCFmg])(?=[\s.,;:)]|$)")

def words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())


# Function words: they end a counted-noun phrase and are never the counted thing.
COUNT_STOP = words("""
    a an the of in on at by for from with to into onto since until between among during after before and
    or but nor so yet than as per that which who whom whose when where while if because although though
    this these those it its their his her our my your there here is are was were be been being am has
    have had do does did will would could should may might must can cannot not no also only just even
    still more less most least very too each every all some any both either neither such other said says
    say told according including include includes included ago later earlier before after about around
    over under up down out off than times time percent per cent against across along around behind below
    beneath beside besides beyond inside outside through throughout toward towards upon within without
    via like unlike near next
""")


_IRREGULAR_LEMMAS = {
    "people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "police": "police", "staff": "staff",
    "data": "data", "media": "media", "criteria": "criterion", "personnel": "personnel",
    "fishermen": "fisherman", "others": "other", "series": "series", "species": "species",
    "news": "news", "lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf",
    "halves": "half", "shelves": "shelf", "thieves": "thief", "wolves": "wolf",
}
IRREGULAR_PLURALS = frozenset(k for k, v in _IRREGULAR_LEMMAS.items() if k != v) | {
    "people", "police", "staff", "personnel", "cattle", "clergy", "data", "media", "others",
}


TIME_WORDS = words("year years month months week weeks day days hour hours minute minutes decade century")
# A compound that counts the noun it is made with ("a six-cylinder engine", "a three-bedroom house",
# "a five-member panel") is a count of that noun; these are adjectives instead ("one-time", "two-way",
# "one-off", "six-figure", "three-dimensional", "five-star", "one-sided").
# (a number of points keeps its own reading: "a 600-point drop" is a change in points)
_ADJECTIVE_TAILS = words("""time times way off on figure figures fold plus odd star piece liner man all nil
    half halves third thirds quarter quarters fourth fourths fifth fifths sixth sixths seventh eighth ninth
    tenth point points""")
_ADJECTIVE_ENDINGS = ("ed", "al", "ing", "ly", "ous", "ic", "ish", "ful", "less")


def compound_noun(word: str) -> bool:
    """True when a number compounded with ``word`` ('six-cylinder') counts it."""
    word = word.lower()
    return word.isalpha() and len(word) > 2 and word not in _ADJECTIVE_TAILS \
        and word not in TIME_WORDS and not word.endswith(_ADJECTIVE_ENDINGS)


def is_plural(word: str) -> bool:
    """A rough test that an English noun is plural ("people", "Uyghurs", "companies")."""
    w = word.lower().split("-")[-1]
    if w in IRREGULAR_PLURALS or re.fullmatch(r"[A-Z]{2,}s", word.split("-")[-1]):
        return True  # "RBIs", "SUVs", "IPOs"
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "ous"))


def lemma(word: str) -> str:
    """Singular, lower-case form of a noun ("Countries" -> "country"); used to compare counted nouns."""
    w = word.lower()
    if w in _IRREGULAR_LEMMAS:
        return _IRREGULAR_LEMMAS[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w
