"""People and bodies named in the sources, with the forms used for each.

Method: one regular expression finds runs of capitalised words (with "of", "for", "and", "&" inside body names and
particles such as "von der"); runs are cut at possessives, months, weekdays and, at a sentence start or in a Title Case
headline, at ordinary words (a stop list, plus words the corpus also writes in lower case). Leading titles ("Prime
Minister", "PM", "then-ambassador") stay in the variant, not the name. Kinds come from cue words (Ministry, Court, Times,
City...) and small lists of places, agencies and outlets; two to six name-like words are a person. A bare or titled
surname joins the one full name ending with it; if several share it, a matching title or a single full name in the same
source decides, else it is reported as ambiguous. Known failure modes: names that are ordinary words ("Will", "Rose")
at a sentence start are lost; unlisted places and bodies without a cue word ("Truth Social") read as people, clubs named
after cities as places; first names, nicknames and pronouns are not linked; the word lists are English only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..model import pickle_by_position


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    kind: str  # "person" | "body" | "outlet" | "place" | "other"
    variants: tuple[str, ...]
    occurrences: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Ambiguity:
    variant: str
    candidates: tuple[str, ...]
    occurrences: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class People:
    entities: tuple[Entity, ...]
    ambiguities: tuple[Ambiguity, ...]
    by_sentence: dict[tuple[str, str], tuple[str, ...]]


def _set(*parts: str) -> frozenset[str]:
    return frozenset(w for part in parts for w in part.lower().split())


def _list(text: str) -> list[str]:
    return [p.strip() for p in text.split(",") if p.strip()]


# Words that start sentences or headlines without naming anything.
_STOP = _set(
    "a an the this that these those there here it its he she they we you i me him her them my your his our their who whom whose",
    "which what when where why how whether if unless although though because since as at in on of for by with without from to into",
    "onto upon after before until till despite amid amidst among between against across around about above below under over through",
    "throughout within beyond behind beside besides like unlike per via and but or nor so yet not no yes also even just only perhaps",
    "maybe indeed meanwhile nevertheless nonetheless however otherwise accordingly consequently subsequently regardless while whilst",
    "once again already always never often sometimes soon ago last first second third finally next previously recently currently",
    "initially eventually ultimately additionally overall elsewhere instead still else much more less least most very too both either",
    "neither one two three four five six seven eight nine ten some many several few all each every any other another such same",
    "according asked speaking following given including regarding concerning considering citing adding noting using having being",
    "do does did is are was were be been has have had will would can could should shall may might must let get see say says said",
    "today tonight yesterday tomorrow now then thus hence therefore moreover furthermore further anyway altogether almost nearly",
    "rather quite well oh please thanks dear why whatever whoever whenever wherever everyone everything nobody nothing someone",
    "something anyone anything together later earlier afterwards again whereas hopefully fortunately unfortunately importantly",
    "interestingly notably critically clearly crucially reportedly allegedly apparently officially separately similarly likewise",
    "during toward towards near inside outside beneath alongside except unless upon whether why yes back leave reply print email skip",
    "researchers scientists officials analysts critics experts protesters residents witnesses investigators prosecutors lawmakers",
    "authorities doctors teachers voters supporters opponents fans players investors economists students workers police officers",
    "shares prices markets stocks sales profits astronomers physicians nurses troops soldiers rebels militants fighters migrants",
    "refugees farmers miners passengers consumers shoppers drivers pilots citizens families victims survivors users customers",
)
# Ordinary words that are not names: they end a single-word mention and stop a run from being a person.
_COMMON = _STOP | _set(
    "new old great big high low good bad best worst better worse top full free open public private local global world state city",
    "country nation people government official officials report reports news story media press statement comment interview year",
    "years month week day days time part page home menu search login contact terms privacy cookies copyright rights reserved read",
    "view views follow watch click sign subscribe share photo photos image images video videos source sources update updated editor",
    "note related advertisement breaking exclusive opinion analysis live listen more latest top stories war peace crisis deal plan",
    "policy election elections vote court law act party group team club market markets economy business science health sport sports",
    "politics crime police army military security defence defense foreign domestic national international federal central regional",
    "north south east west northern southern eastern western internet web online covid coronavirus god mr mrs ms dr chapter figure",
    "table fig am pm gmt utc est ceo cfo gdp tv ai ok vs etc",
)
_TITLE_HEADS = _set(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend father rabbi imam sheikh sheik pope cardinal archbishop bishop",
    "king queen prince princess emperor empress sultan emir president president-elect vice-president premier chancellor minister",
    "secretary secretary-general attorney-general senator sen representative rep congressman congresswoman governor gov mayor ambassador",
    "envoy consul speaker leader chairman chairwoman chairperson chair director commissioner justice judge magistrate prosecutor general",
    "gen lieutenant lt colonel col major maj captain capt commander cmdr admiral adm marshal brigadier sergeant sgt corporal cpl officer",
    "constable detective det inspector insp superintendent supt chief ceo cfo coo cto founder coach manager spokesman spokeswoman",
    "spokesperson councillor councilman councilwoman alderman mp mep pm fm sheriff dean provost",
)
_TITLE_MODS = _set(
    "prime deputy vice assistant associate acting interim former ex late chief senior junior under principal permanent special first",
    "foreign finance defence defense interior home health education energy trade treasury justice labour labor environment culture",
    "transport agriculture economy commerce information security national state federal provincial regional army navy air naval",
    "military police supreme high executive managing general attorney solicitor surgeon lieutenant major brigadier field rear staff",
    "opposition majority minority crown grand head team club cabinet press then",
)
_TITLES = _TITLE_HEADS | _TITLE_MODS
_TITLE_ABBR = {"pm": "prime minister", "fm": "foreign minister", "sen": "senator", "gen": "general", "gov": "governor",
               "rep": "representative", "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant", "det": "detective",
               "insp": "inspector", "supt": "superintendent", "adm": "admiral", "maj": "major", "cmdr": "commander", "prof": "professor",
               "rev": "reverend", "cpl": "corporal"}  # fmt: skip
_SUFFIXES = _set("jr sr ii iii iv kc qc mp mep obe mbe cbe phd")
_UNINFORMATIVE = _set("mr mrs ms miss mx dr sir dame former then ex late acting interim")
_DOMAIN = _set(
    "state defense defence foreign affairs justice health finance interior home treasury commerce trade labor labour energy education",
    "agriculture transport transportation housing environment culture information communications science technology industry economy",
    "economic development security homeland human services rights welfare planning tourism sport sports youth women veterans urban",
    "rural water resources natural power petroleum mines mining railways aviation law legal religious overseas international national",
    "internal external relations cooperation public works social family children immigration citizenship climate digital media arts",
    "heritage fisheries food local government intelligence operations policy political military armed forces staff joint chiefs",
    "north south east west central northern southern eastern western middle asian african european american pacific atlantic",
)
_BODY_CUES = _set(
    "department dept ministry office bureau agency administration authority commission committee council board cabinet government",
    "parliament congress senate house assembly chamber court tribunal party army navy military forces corps police guard command",
    "service services intelligence bank fund reserve treasury exchange union league federation association organization organisation",
    "institute institution university college school academy foundation society trust group company corporation corp inc ltd llc",
    "plc co holdings industries motors airlines airways partners capital technologies systems labs pharmaceuticals club fc united",
    "rovers athletic team movement front coalition alliance network church hospital museum secretariat directorate inspectorate",
    "brigade battalion regiment division unit observatory laboratory centre center",
)
_OUTLET_CUES = _set(
    "times post news journal herald tribune gazette chronicle telegraph guardian observer express mirror mail "
    "standard economist intercept monitor inquirer dispatch courier examiner bulletin magazine weekly daily today"
)
_OTHER_CUES = _set("war cup games olympics championship championships open act bill treaty accord accords agreement summit conference "
                   "convention festival award awards prize day index report plan initiative programme program project strategy crisis "
                   "pandemic protocol charter constitution declaration doctrine deal pact law code series trophy marathon revolution "
                   "spring election elections operation telescope mission satellite vaccine")  # fmt: skip
_PLACE_CUES = _set(
    "city province county region district island islands valley river sea ocean bay gulf coast strait mountains "
    "peninsula desert street avenue square road airport territory territories oblast village gardens park bridge "
    "station hill heights beach harbour harbor"
)
_ALL_CUES = _BODY_CUES | _OUTLET_CUES | _OTHER_CUES | _PLACE_CUES
_PLACE_PREFIX = _set("mount mt lake port fort cape saint st san santa los las")
_OF_HEADS = (
    _BODY_CUES
    | _TITLE_HEADS
    | _PLACE_CUES
    | _OUTLET_CUES
    | _OTHER_CUES
    | _set(
        "bank republic kingdom states isle statue battle duke duchess earl order ides bureau university secretary head gulf united chiefs"
    )
)
_CONNECTORS = _set("of for and on the &")
_PARTICLES = _set("de da del della der den di du van von la le bin ibn al dos das y")
_DEMONYMS = _set(
    "american british english scottish welsh irish french german italian spanish portuguese dutch belgian swiss austrian swedish",
    "norwegian danish finnish polish czech slovak hungarian romanian bulgarian greek turkish russian ukrainian belarusian georgian",
    "armenian azerbaijani kazakh uzbek chinese japanese korean taiwanese vietnamese thai indonesian malaysian filipino singaporean",
    "indian pakistani afghan bangladeshi sri lankan nepali iranian iraqi syrian lebanese israeli palestinian jordanian saudi emirati",
    "qatari kuwaiti yemeni egyptian libyan tunisian algerian moroccan sudanese ethiopian somali kenyan nigerian ghanaian african",
    "south-african australian canadian mexican brazilian argentine argentinian chilean colombian venezuelan peruvian cuban european",
    "asian western eastern arab kurdish muslim christian jewish hindu sikh buddhist catholic protestant sunni shia shiite soviet",
    "latin nordic baltic balkan gulf democrat republican",
)
_GIVEN = _set(
    "john james robert michael william david richard joseph thomas charles mary patricia jennifer linda elizabeth barbara susan",
    "jessica sarah karen nancy lisa betty margaret sandra ashley emily donna michelle carol amanda melissa deborah stephanie rebecca",
    "laura sharon cynthia kathleen amy angela anna emma olivia sophie kate claire rachel hannah alice helen ruth jane julia maria",
    "george paul mark donald steven andrew kenneth joshua kevin brian edward ronald anthony daniel matthew christopher peter simon",
    "tony tom tim jim joe bill bob mike nick ben sam dan alex chris harry jack boris keir rishi liz theresa emmanuel angela olaf",
    "vladimir sergei dmitry alexei volodymyr xi li wang zhang narendra rahul imran shehbaz nawaz asif asad ali ahmed mohammed",
    "muhammad mohamed hassan hussein omar abdul abdullah ibrahim khalid tariq bilal fatima aisha benjamin yair recep jair luis",
    "carlos juan jose javier pedro miguel antonio francisco lula gustavo nicolas pierre jean marie francois olivier angela ursula",
    "justin kamala hillary barack nikki ron marco ted mitch chuck nancy kevin elon jeff tim satya sundar jacinda scott malcolm",
    "fumio shinzo yoon moon kim cyril jacob nelson uhuru william abiy paul",
)
_COUNTRIES = _list(
    "Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria, Azerbaijan, Bahrain, Bangladesh, Belarus, "
    "Belgium, Bolivia, Bosnia, Brazil, Bulgaria, Cambodia, Cameroon, Canada, Chad, Chile, China, Colombia, Congo, Croatia, Cuba, "
    "Cyprus, Czech Republic, Czechia, Denmark, Ecuador, Egypt, El Salvador, Eritrea, Estonia, Ethiopia, Finland, France, Gabon, "
    "Georgia, Germany, Ghana, Greece, Guatemala, Haiti, Honduras, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland, Israel, "
    "Italy, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Kosovo, Kuwait, Kyrgyzstan, Laos, Latvia, Lebanon, Libya, Lithuania, "
    "Luxembourg, Madagascar, Malawi, Malaysia, Mali, Malta, Mexico, Moldova, Monaco, Mongolia, Montenegro, Morocco, Mozambique, "
    "Myanmar, Burma, Namibia, Nepal, Netherlands, New Zealand, Nicaragua, Niger, Nigeria, North Korea, South Korea, Korea, "
    "North Macedonia, Norway, Oman, Pakistan, Palestine, Panama, Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania, "
    "Russia, Rwanda, Saudi Arabia, Senegal, Serbia, Singapore, Slovakia, Slovenia, Somalia, South Africa, South Sudan, Spain, "
    "Sri Lanka, Sudan, Sweden, Switzerland, Syria, Taiwan, Tajikistan, Tanzania, Thailand, Tunisia, Turkey, Turkmenistan, Uganda, "
    "Ukraine, United Arab Emirates, UAE, Uruguay, Uzbekistan, Venezuela, Vietnam, Yemen, Zambia, Zimbabwe, England, Scotland, Wales, "
    "Northern Ireland, Gaza, West Bank, Crimea, Donbas, Kashmir, Tibet, Hong Kong, Europe, Asia, Africa, Antarctica, Arctic, "
    "Middle East, Latin America, South America, North America, Central America, South Asia, East Asia, Southeast Asia, Balkans, "
    "Caribbean, Scandinavia"
)
_CITIES = _list(
    "London, Paris, Berlin, Madrid, Rome, Moscow, Kyiv, Kiev, Beijing, Shanghai, Tokyo, Seoul, Delhi, New Delhi, Mumbai, Islamabad, "
    "Karachi, Lahore, Rawalpindi, Kabul, Tehran, Baghdad, Damascus, Beirut, Jerusalem, Tel Aviv, Cairo, Riyadh, Dubai, Abu Dhabi, "
    "Doha, Ankara, Istanbul, Athens, Vienna, Warsaw, Prague, Budapest, Brussels, Amsterdam, Geneva, Zurich, Stockholm, Oslo, "
    "Copenhagen, Helsinki, Dublin, Edinburgh, Manchester, Liverpool, Birmingham, Glasgow, Lisbon, Barcelona, Milan, Munich, "
    "Frankfurt, Hamburg, Minsk, Tbilisi, Baku, Yerevan, Nairobi, Lagos, Abuja, Johannesburg, Cape Town, Addis Ababa, Khartoum, "
    "Sydney, Melbourne, Canberra, Auckland, Wellington, Toronto, Ottawa, Montreal, Vancouver, Washington, New York, Los Angeles, "
    "San Francisco, Chicago, Boston, Miami, Houston, Dallas, Atlanta, Seattle, Philadelphia, Detroit, Las Vegas, Mexico City, "
    "Havana, Caracas, Bogota, Lima, Santiago, Buenos Aires, Brasilia, Rio de Janeiro, Sao Paulo, Bangkok, Hanoi, Jakarta, Manila, "
    "Kuala Lumpur, Dhaka, Colombo, Kathmandu, Taipei, Pyongyang, Kharkiv, Odesa, Odessa, Mariupol, Bakhmut, Donetsk, Luhansk, "
    "Rafah, Khan Younis, Ramallah, Mosul, Aleppo, Hollywood, Silicon Valley, Wall Street, Downing Street, Brexit"
)
_STATES = _list(
    "Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Hawaii, Idaho, Illinois, Indiana, "
    "Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, "
    "Nevada, New Hampshire, New Jersey, New Mexico, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island, "
    "South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, West Virginia, Wisconsin, Wyoming, Punjab, Sindh, "
    "Balochistan, Quebec, Ontario, Bavaria, Catalonia, Kerala, Bengal"
)
_BODIES = _list(
    "Congress, Parliament, Senate, House, Pentagon, Kremlin, White House, NATO, IMF, WHO, FBI, CIA, NSA, ISI, KGB, FSB, MI5, MI6, "
    "GCHQ, NHS, FIFA, UEFA, IOC, NASA, OPEC, WTO, ICC, ICJ, UNICEF, UNESCO, Interpol, Europol, Hamas, Hezbollah, Taliban, Houthis, "
    "Wagner, Labour, Tories, Democrats, Republicans, Islamic State, ISIS, Al Qaeda, Google, Microsoft, Meta, Facebook, Twitter, "
    "Tesla, Amazon, Apple, OpenAI, Nvidia, Samsung, Toyota, Boeing, Airbus, Huawei, TikTok, Vatican, Bundestag, Knesset, Duma"
)
_OUTLETS = _list(
    "Reuters, Bloomberg, BBC, CNN, AP, AFP, NPR, PBS, MSNBC, CNBC, NBC, CBS, ABC, Fox, Fox News, Axios, Politico, Intercept, Guardian, "
    "Telegraph, Economist, Newsweek, Forbes, Xinhua, TASS, Sputnik, RT, Vox, Slate, Salon, HuffPost, BuzzFeed, Wired, Semafor, "
    "Haaretz, Yonhap, Kyodo, Interfax, Al Jazeera, Associated Press, Agence France-Presse, New York Times, Washington Post, "
    "Wall Street Journal, Financial Times, Times, Post, Journal, Daily Mail, Sky News, Deutsche Welle, Le Monde, Der Spiegel"
)
_ALIASES = {"us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
            "united states of america": "United States", "america": "United States", "uk": "United Kingdom",
            "u.k.": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom", "kiev": "Kyiv",
            "un": "United Nations", "u.n.": "United Nations", "eu": "European Union", "e.u.": "European Union", "nato": "NATO",
            "united states": "United States", "united kingdom": "United Kingdom", "united nations": "United Nations",
            "european union": "European Union"}  # fmt: skip
_KNOWN: dict[str, tuple[str, str]] = {}
for _kind, _names in (("place", _COUNTRIES + _CITIES + _STATES), ("body", _BODIES), ("outlet", _OUTLETS)):
    _KNOWN.update({n.lower(): (_kind, n) for n in _names})
_KNOWN.update({k: ("body" if v in ("United Nations", "European Union", "NATO") else "place", v) for k, v in _ALIASES.items()})
_MONTHS = _set("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept "
               "oct nov dec")  # fmt: skip
_WEEKDAYS = _set("monday tuesday wednesday thursday friday saturday sunday")
HEADLINE_WORDS = 4  # a Title Case line has at least this many capitalised words (fewer: a name, not a headline)
HEADLINE_CHARS = 160  # a longer line is a paragraph, whatever its capitals
MAX_NAME_WORDS = 5  # a name after a title ("Minister ...") has at most this many words
MAX_PERSON_WORDS = 6  # a capitalised run of more words is not taken for a person's name (the title of a work, an event)
_SMALL = _set("a an the of for and or to in on at by with from as vs")
_LY = ("ely", "ally", "ously", "ively", "edly", "ately", "ably", "ibly", "ently", "antly", "ingly", "fully", "arly", "ctly", "stly", "ntly")
_HEADLINE_SUFFIX = ("ed", "ing", "tion", "ment", "ness", "ity", "ance", "ence", "ism", "ive", "ous", "ful", "less", "able")

_UP = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
_ABBR = _set("mr mrs ms mx dr prof st sen gen lt col jr sr rep gov rev capt sgt det insp supt adm maj cmdr cpl hon mt ft inc ltd corp co")
_WORD_TOK = rf"[{_UP}][\w’'\-]*(?:\.(?:[{_UP}]\.)*)?"  # trailing "’", "'" and "-" are trimmed later
_CONN = r"(?:of|for|and|on|the|de|da|del|della|der|den|di|du|van|von|la|le|bin|ibn|al|dos|das|y|&)"
# The character class comes first and the look-behind second: this is several times faster than the reverse.
_RUN = re.compile(
    rf"[{_UP}](?<![\w’'.][{_UP}])[\w’'\-]*(?:\.(?:[{_UP}]\.)*)?"
    rf"(?:[ \u00a0](?:{_CONN}[ \u00a0]){{0,2}}(?:(?:al|el|ul|bin|ibn|abu)-)?{_WORD_TOK})*"
)
_NAME_PREFIX = re.compile(r"^(?:al|el|ul|bin|ibn|abu)-")
_NONSPACE = re.compile(r"[^ \u00a0]+")
_LINE = re.compile(r"[^\n]+")
_INITIALS = re.compile(rf"(?:[{_UP}]\.)+")
_LOWER_CONTENT = re.compile(r"(?<![\w’'\-])(?!(?:a|an|the|of|for|and|or|to|in|on|at|by|with|from|as|vs)\b)[a-z]")
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_THEN = re.compile(r"\b(?:then|ex)-([a-z]+)[ \u00a0]$")
_ACRONYM = re.compile(r"[ \u00a0]\(([A-Z]{2,6})\)")
_PUNCT = ".,;:!?\"“”‘’'()[]{}—–-…*"
_INITIAL_CHARS = frozenset(".!?:;\"“”‘'([{—–-•*|>#")

RunKey = tuple[str, bool, bool, bool, bool]
Tok = tuple[str, int, int, str]  # word as written, start, end, lower case without a final full stop


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    name: str  # as written, without title or article
    kind: str
    key: str  # grouping key
    title: str = ""  # normalised informative title ("prime minister"), "" if none
    titled: bool = False
    ntok: int = 1
    vstart: int = -1  # start of the variant (title included, article excluded)
    article_cap: bool = False
    acronym: str = ""
    headline: bool = False


class _Group:
    """Counts for one entity while the corpus is read."""

    __slots__ = ("kinds", "variants", "names", "occ", "the", "n")

    def __init__(self) -> None:
        self.kinds: dict[str, int] = {}
        self.variants: dict[str, list[int]] = {}  # variant -> [count, position of first use]
        self.names: dict[str, int] = {}
        self.occ: dict[int, tuple[str, str]] = {}  # position -> (source, sentence)
        self.the = self.n = 0

    def add(self, kind: str, variant: str, name: str, pos: int, where: tuple[str, str], the: bool) -> None:
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        self.variants.setdefault(variant, [0, pos])[0] += 1
        self.names[name] = self.names.get(name, 0) + 1
        self.occ[pos] = where
        self.the += the
        self.n += 1

    def merge(self, other: _Group) -> None:
        for k, v in other.kinds.items():
            self.kinds[k] = self.kinds.get(k, 0) + v
        for k, (count, first) in other.variants.items():
            mine = self.variants.setdefault(k, [0, first])
            mine[0], mine[1] = mine[0] + count, min(mine[1], first)
        self.occ.update(other.occ)
        self.occ = dict(sorted(self.occ.items()))

    def kind(self) -> str:
        return "person" if "person" in self.kinds else max(self.kinds, key=self.kinds.__getitem__)


def _lw(word: str) -> str:
    return word.lower().rstrip(".")


def _key(name: str) -> str:
    return name.lower().replace(".", "").replace("’", "'")


_FOLD = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe",
                       "Þ": "Th", "þ": "th", "ı": "i"})  # fmt: skip


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name.translate(_FOLD)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "entity"


def _surname(key: str) -> str:
    words = [w for w in key.split() if w not in _SUFFIXES]
    return _NAME_PREFIX.sub("", words[-1]) if words else key


def _norm_title(words: list[str]) -> str:
    out = [_TITLE_ABBR.get(w, w) for w in (_lw(w) for w in words) if w not in _UNINFORMATIVE]
    return " ".join(out)


def _lines(text: str, offset: int, owner: int) -> list[tuple[int, int, int]]:
    if "\n" not in text:
        return [(offset, offset + len(text), owner)]
    return [(offset + m.start(), offset + m.end(), owner) for m in _LINE.finditer(text)]


def _title_run_end(toks: list[Tok], t: int) -> int:
    """Index just past the words of titles ("Deputy Assistant Secretary") that start at ``t``."""
    while t < len(toks) and (toks[t][3] in _TITLE_HEADS or toks[t][3] in _TITLE_MODS):
        t += 1
    return t


def _is_headline(line: str) -> bool:
    """Title Case: every word but "a", "of", "the"... capitalised, and at least :data:`HEADLINE_WORDS` of them."""
    if _LOWER_CONTENT.search(line):
        return False
    return sum(1 for w in _WORD.findall(line) if w.lower() not in _SMALL) >= HEADLINE_WORDS


class _Scanner:
    def __init__(self, vocab: frozenset[str] | None = None, capvocab: frozenset[str] | None = None) -> None:
        self.vocab, self.capvocab = vocab, capvocab or frozenset()
        self.cache: dict[tuple[str, bool, bool, bool, bool], list[_Hit]] = {}

    def runs(self, text: str, lines: list[tuple[int, int, int]] | None = None) -> list[tuple[int, int, int, RunKey]]:
        """Runs of capitalised words as (owner, start, end, key), one regex pass over ``text``.

        ``lines`` are the (start, end, owner) spans of the lines of ``text`` in order (default: its own lines, owner 0);
        the key is (run, sentence-initial, in a headline, "the " before, digit after)."""
        lines = lines or _lines(text, 0, 0)
        out: list[tuple[int, int, int, RunKey]] = []
        n, li = len(text), -1
        ls = le = owner = 0
        skip = headline = False
        for m in _RUN.finditer(text):
            if m.start() >= le:
                while m.start() >= le:
                    li += 1
                    ls, le, owner = lines[li]
                skip = le - ls > 3 and text[ls:le].isupper()
                headline = le - ls < HEADLINE_CHARS and _is_headline(text[ls:le])
            if skip:
                continue
            for i0, i1 in self._dot_split(m) if "." in m.group() else (m.span(),):
                run = text[i0:i1]
                if run.lower() in _STOP:  # "The", "He", "In": the most frequent runs by far
                    continue
                j = i0 - 1
                while j >= ls and text[j] in " \t\u00a0":
                    j -= 1
                art = i0 - 4 >= ls and text.startswith("the ", i0 - 4)
                digit = i1 < n and (text[i1].isdigit() or (text[i1] in " \u00a0" and text[i1 + 1 : i1 + 2].isdigit()))
                out.append((owner, i0, i1, (run, j < ls or text[j] in _INITIAL_CHARS, headline, art, digit)))
        return out

    @staticmethod
    def _dot_split(m: re.Match[str]) -> list[tuple[int, int]]:
        """Cut a run after a word with a full stop that is not an abbreviation or initials ("Khan. The")."""
        spans, start = [], m.start()
        for t in _NONSPACE.finditer(m.string, m.start(), m.end()):
            w = t.group()
            if w.endswith(".") and w[:-1].lower() not in _ABBR and not _INITIALS.fullmatch(w):
                spans.append((start, t.end() - 1))
                start = t.end() + 1
        if start < m.end():
            spans.append((start, m.end()))
        return spans

    def scan(self, text: str, runs: list[tuple[int, int, int, RunKey]] | None = None) -> list[tuple[int, _Hit, int]]:
        """(owner, hit, shift): a hit's offsets plus ``shift`` are offsets into ``text``; equal runs share hit objects."""
        out: list[tuple[int, _Hit, int]] = []
        for owner, i0, _, key in self.runs(text) if runs is None else runs:
            found = self.cache.get(key)
            if found is None:
                found = self.cache[key] = self._run(*key)
            d = i0 - 4 if key[3] else i0
            for h in found:
                if h.kind in ("person", "other") and "-" in text[max(0, h.start + d - 22) : h.start + d]:
                    then = _THEN.search(text, max(0, h.start + d - 30), h.start + d)  # "then-ambassador Asad Majeed Khan"
                    if then and then[1] in _TITLE_HEADS:
                        h = replace(
                            h,
                            start=then.start() - d,
                            vstart=then.start() - d,
                            title=h.title or _norm_title([then[1]]),
                            titled=True,
                            kind="person",
                        )
                if h.ntok > 1 and text.startswith(" (", h.end + d) and (acr := _ACRONYM.match(text, h.end + d)) and acr[1][0] == h.name[0]:
                    h = replace(h, acronym=acr[1])
                out.append((owner, h, d))
        return out

    def _common(self, word: str, lw: str, headline: bool, nxt: str = "") -> bool:
        if lw in _STOP:
            return True
        if lw in _KNOWN or lw in _TITLES or (nxt and lw in _GIVEN):
            return False
        if (len(lw) > 5 and lw.endswith(_LY)) or (headline and (lw in _COMMON or (len(lw) > 4 and lw.endswith(_HEADLINE_SUFFIX)))):
            return True
        return self.vocab is not None and lw in self.vocab and word not in self.capvocab

    def _run(self, run: str, initial: bool, headline: bool, art_before: bool, digit_after: bool) -> list[_Hit]:
        """Hits in one run of capitalised words, with offsets into ``"the " * art_before + run``."""
        base = 4 if art_before else 0
        toks: list[Tok] = []
        cuts: set[int] = set()
        for t in _NONSPACE.finditer(run):
            w, s, e = t.group(), t.start() + base, t.end() + base
            if len(w) > 2 and w[-2:] in ("’s", "'s"):
                w, e = w[:-2], e - 2
                cuts.add(len(toks) + 1)
            elif w[-1] in "’'-":
                trimmed = w.rstrip("’'-")
                w, e = trimmed, e - (len(w) - len(trimmed))
                cuts.add(len(toks) + 1)
            if w:
                toks.append((w, s, e, w.lower().rstrip(".")))
        art: int | None = 0 if art_before else None
        art_cap = False
        pieces: list[tuple[list[Tok], int | None, bool]] = []
        cur: list[Tok] = []
        last = len(toks) - 1
        for i, tok in enumerate(toks):
            w, s, _, lw = tok
            if i in cuts and cur:
                pieces.append((cur, art, art_cap))
                cur, art = [], None
            if lw == "the" and not cur:
                art, art_cap = s, w == "The"
                continue
            nxt = toks[i + 1][0] if i < last and i + 1 not in cuts else ""
            bad = (lw in _WEEKDAYS and nxt.lower() not in _OUTLET_CUES) or (lw in _MONTHS and (not cur or (i == last and digit_after)))
            if not bad and headline and lw not in _CONNECTORS:
                bad = self._common(w, lw, True, nxt)
            elif not bad and i == 0 and initial and not (last and self._known_prefix(toks)):
                bad = self._common(w, lw, False, nxt)
            if bad:
                if cur:
                    pieces.append((cur, art, art_cap))
                cur, art = [], None
                continue
            cur.append(tok)
        if cur:
            pieces.append((cur, art, art_cap))
        hits = []
        for piece, art_start, cap in pieces:
            for j, (sub, art, art_cap) in enumerate(self._split_connectors(piece) if len(piece) > 1 else [(piece, None, False)]):
                if j == 0 and art is None:
                    art, art_cap = art_start, cap
                for hit in self._piece(sub, art):
                    hit.article_cap, hit.headline = art_cap and art is not None, headline
                    hits.append(hit)
        return hits

    @staticmethod
    def _known_prefix(toks: list[Tok]) -> bool:
        return any(" ".join(t[0] for t in toks[:n]).lower() in _KNOWN for n in (2, 3, 4) if n <= len(toks))

    @staticmethod
    def _split_connectors(toks: list[Tok]) -> list[tuple[list[Tok], int | None, bool]]:
        """Split at connectors that do not belong to a name; each piece keeps the article before it."""
        out: list[list[Tok]] = [[]]
        seen_of = False
        last = toks[-1][3]
        for i, tok in enumerate(toks):
            lw, cur = tok[3], out[-1]
            if lw in ("of", "for", "on"):
                if cur and cur[-1][3] in _OF_HEADS:
                    cur.append(tok)
                    seen_of = True
                else:
                    out.append([])
            elif lw in ("and", "&"):  # "Department of Health and Human Services", "Securities and Exchange Commission"
                after = toks[i + 1][3] if i + 1 < len(toks) else ""
                if cur and (
                    lw == "&"
                    or (seen_of and last in _DOMAIN)
                    or (last in _BODY_CUES and after != "the" and (cur[-1][3] in _DOMAIN or cur[-1][3].endswith("s")))
                ):
                    cur.append(tok)
                else:
                    out.append([])
                    seen_of = False
            elif lw == "the":
                if cur and cur[-1][3] in ("of", "for", "on"):
                    cur.append(tok)
                else:
                    out.append([tok])
            else:
                cur.append(tok)
        result = []
        for piece in out:
            while piece and (piece[-1][3] in _CONNECTORS or piece[-1][3] in _PARTICLES):
                piece.pop()
            art, cap = None, False
            while piece and (piece[0][3] in _CONNECTORS or piece[0][0] in _PARTICLES):
                if piece[0][3] == "the":
                    art, cap = piece[0][1], piece[0][0] == "The"
                piece.pop(0)
            if piece:
                result.append((piece, art, cap))
        return result

    @staticmethod
    def _domain(lw: str) -> bool:
        return lw in _DOMAIN or lw in _DEMONYMS or _KNOWN.get(lw, ("",))[0] == "place"

    def _title_end(self, toks: list[Tok], t: int) -> int | None:
        """Index just past the title that starts at ``t`` ("Assistant Secretary of State"), or None."""
        n, j, last = len(toks), t, -1
        while j < n:
            lw = toks[j][3]
            if lw in _TITLE_HEADS:
                last = j
            elif lw not in _TITLE_MODS:
                break
            j += 1
        if last < 0:
            return None
        k = last + 1
        if k + 1 < n and toks[k][3] in ("of", "for"):
            m = k + 2 if toks[k + 1][3] == "the" else k + 1
            dom = self._domain
            if m < n and dom(toks[m][3]):
                while m < n and (dom(toks[m][3]) or (toks[m][3] in _CONNECTORS and m + 1 < n and dom(toks[m + 1][3]))):
                    m += 1
                k = m
        return k

    def _piece(self, toks: list[Tok], art: int | None) -> list[_Hit]:
        # Linear in the run's length: the words before a title are judged once, when the title is taken,
        # and a title that does not introduce a name is skipped whole ("Mr. Ab Mr. Cd ..." was quadratic).
        resume = 0
        for t, tok in enumerate(toks):
            if t < resume or tok[3] not in _TITLES or (t and toks[t - 1][3] in _CONNECTORS):
                continue
            k = self._title_end(toks, t)
            if k is None:
                resume = _title_run_end(toks, t)
                continue
            size = len(toks) - k  # words of the name after the title
            if size and toks[k][3] in _CONNECTORS:
                rest = self._split_connectors(toks[k:])
                return self._before(toks, t, art) + (self._generic(rest[0][0], rest[0][1]) if rest else [])
            if not size:
                return self._before(toks, t, art)
            if size <= MAX_NAME_WORDS and self._namelike(toks[k:]):
                name = toks[k:]
                start, title = tok[1], _norm_title([x[0] for x in toks[t:k]])
                shown = " ".join(x[0] for x in name)
                return self._before(toks, t, art) + [_Hit(start, name[-1][2], shown, "person", _key(shown), title, True, len(name), start)]
            resume = _title_run_end(toks, t)  # a title that starts inside this one ends where it ends: same answer
        return self._generic(toks, art)

    def _before(self, toks: list[Tok], t: int, art: int | None) -> list[_Hit]:
        """The names in the words before a title."""
        return self._generic(toks[:t], art) if t else []

    def _namelike(self, toks: list[Tok]) -> bool:
        real = [t for t in toks if t[3] not in _PARTICLES]
        if not real or toks[0][3] in _PARTICLES:
            return False
        for w, _, _, lw in real:
            if lw in _COMMON or lw in _DEMONYMS or lw in _MONTHS or w[0].isdigit():
                return False
            if len(w) > 1 and w.isupper() and "." not in w and lw not in _SUFFIXES:
                return False
        if self.vocab is not None and len(real) > 1 and real[0][3] not in _GIVEN:
            ordinary = sum(1 for t in real if t[3] in self.vocab)
            return ordinary * 2 <= len(real)
        return True

    def _generic(self, toks: list[Tok], art: int | None) -> list[_Hit]:
        if not toks:
            return []
        n, start, end = len(toks), toks[0][1], toks[-1][2]
        name = " ".join(t[0] for t in toks)

        def hit(kind: str, key: str) -> list[_Hit]:
            begin = art if art is not None and kind in ("body", "outlet") else start
            return [_Hit(begin, end, name, kind, key, ntok=n, vstart=start)]

        low = name.lower().replace("’", "'")
        known = _KNOWN.get(low)
        if known:
            return hit(known[0], known[1].lower())
        if n == 1:
            w, lw = toks[0][0], toks[0][3]
            if lw in _DEMONYMS or lw in _COMMON or lw in _BODY_CUES or lw in _TITLES or len(lw) < 2:
                return []
            if "-" in w:
                parts = w.split("-")
                if all(p.lower() in _KNOWN for p in parts):
                    out, pos = [], start
                    for p in parts:
                        out.append(_Hit(pos, pos + len(p), p, _KNOWN[p.lower()][0], _KNOWN[p.lower()][1].lower(), vstart=pos))
                        pos += len(p) + 1
                    return out
                if any(p.lower() in _DEMONYMS or p.lower() in _COMMON for p in parts):
                    return []
            return hit("other", _key(w))
        first, last = toks[0][3], toks[-1][3]
        lows = {t[3] for t in toks}
        has_cue = not lows.isdisjoint(_ALL_CUES)
        if first in _DEMONYMS and not has_cue:  # "Russian Vladimir Putin" is a person, "European Southern Observatory" stays whole
            rest = self._generic(toks[1:], None)
            return rest if len(rest) == 1 and rest[0].kind == "person" else hit("other", _key(name))
        if not has_cue:  # "Pakistan Imran Khan" is two names, "Pakistan Tehreek-e-Insaf" one that is not a person
            for size in (3, 2, 1):
                if size < n and _KNOWN.get(" ".join(t[3] for t in toks[:size]), ("",))[0] == "place":
                    rest = toks[size:]
                    if len(rest) == 1 and rest[0][3] not in _KNOWN:
                        return hit("other", _key(name))
                    return self._generic(toks[:size], None) + self._generic(rest, None)
        key = _key(name)
        if last in _OUTLET_CUES:
            return hit("outlet", key)
        if not lows.isdisjoint(_BODY_CUES):
            return hit("body", key)
        if last in _OTHER_CUES or first == "operation":
            return hit("other", key)
        if last in _PLACE_CUES or first in _PLACE_PREFIX:
            return hit("place", key)
        return hit("person" if n <= MAX_PERSON_WORDS and self._namelike(toks) else "other", key)


def find_mentions(text: str) -> list[Mention]:
    """Names in one sentence, judged without the rest of the corpus (see :func:`build`)."""
    return [Mention(text[h.start + d : h.end + d], h.start + d, h.end + d) for _, h, d in _Scanner().scan(text)] if text else []


Found = tuple[int, str, str, _Hit, int]  # sentence's index, source id, sentence id, the name, offset of the sentence in the corpus


def build(sentences: Iterable[tuple[str, str, str]]) -> People:
    """Group the names of ``(source_id, sentence_id, text)`` sentences, in reading order, into entities.

    The stages, in order: find the names in the whole corpus at once (:func:`_find_names`); keep the
    names of Title Case headlines only as far as the running text confirms them
    (:func:`_confirm_headlines`); name bodies by their acronyms (:func:`_expand_acronyms`); learn
    who each person's full name and surname stand for (:class:`_Persons`); count each mention
    under its entity, or as ambiguous (:func:`_group_mentions`); join "US State Department" to
    "State Department" (:func:`_merge_national_forms`); give each entity its name and id
    (:func:`_name_entities`).
    """
    items = list(sentences)
    big, found = _find_names(items)
    found = _confirm_headlines(found)
    hits = {id(h): h for *_, h, _ in found}.values()  # each distinct hit once: many occurrences share one
    _expand_acronyms(hits)
    persons = _Persons.of(hits, found)
    groups, ambiguous, by_sentence = _group_mentions(items, big, found, persons)
    merged = _merge_national_forms(groups)
    entities, ids = _name_entities(groups)
    for key, rest in merged.items():
        ids[key] = ids[rest]
    size = {k: len(g.occ) for k, g in groups.items()}
    ambiguities = tuple(
        Ambiguity(v, tuple(ids[c] for c in sorted(cands, key=lambda c: -size.get(c, 0)) if c in ids), tuple(occ))
        for v, (cands, occ) in ambiguous.items()
    )
    mentioned = {s: tuple(dict.fromkeys(ids[k] for k in keys)) for s, keys in by_sentence.items()}
    return People(tuple(entities), ambiguities, mentioned)


def _find_names(items: list[tuple[str, str, str]]) -> tuple[str, list[Found]]:
    """The corpus as one text, and every name in it with the sentence it is in."""
    big = "\n".join(t for _, _, t in items)  # one regex pass over the whole corpus is much faster than one per sentence
    # Words the corpus writes in lower case, and capitalised words it uses away from the start of a sentence.
    vocab = {w.strip(_PUNCT) for w in set(big.split()) if w[:1].islower() or w[1:2].islower()}
    scanner = _Scanner(frozenset(w.lower() for w in vocab if w[:1].islower()))
    lines: list[tuple[int, int, int]] = []
    pos = 0
    for k, (_, _, text) in enumerate(items):
        lines += _lines(text, pos, k)
        pos += len(text) + 1
    runs = scanner.runs(big, lines + [(pos, pos + 1, -1)])
    capvocab = scanner.capvocab = set()
    for *_, (run, initial, headline, _, _) in runs:
        if headline:
            continue
        if " " in run:
            words = run.split()
            capvocab.update(w[:-2] if w[-2:] in ("’s", "'s") else w for w in (words[1:] if initial else words))
        elif not initial:
            capvocab.add(run[:-2] if run[-2:] in ("’s", "'s") else run)
    return big, [(k, items[k][0], items[k][1], h, d) for k, h, d in scanner.scan(big, runs)]


def _confirm_headlines(found: list[Found]) -> list[Found]:
    """Title-case headlines only confirm names that the running text uses too ("Mayor Lena Novak Orders ..."):
    a headline's name is cut to its longest start the text knows, or dropped."""
    known = {h.key for *_, h, _ in found if not h.headline}
    known |= {_surname(k) for k in known}
    kept: list[tuple[int, str, str, _Hit | None, int]] = list(found)
    for i, (k, src, sid, h, d) in enumerate(found):
        if h.headline and h.key not in known:
            words = h.name.split()
            size = next((n for n in range(len(words) - 1, 0, -1) if _key(" ".join(words[:n])) in known), 0)
            sub = " ".join(words[:size])
            short = replace(h, end=h.end - len(h.name) + len(sub), name=sub, key=_key(sub), ntok=size) if size else None
            kept[i] = (k, src, sid, short, d)
    return [f for f in kept if f[3] is not None]  # type: ignore[misc]


def _expand_acronyms(hits: Iterable[_Hit]) -> None:
    """A name written with its acronym ("Crown Prosecution Service (CPS)") is a body, and so is the acronym alone."""
    acronyms = {h.acronym.lower(): h.key for h in hits if h.acronym}
    expanded = set(acronyms.values())
    for h in hits:
        if h.key in expanded and h.kind in ("person", "other"):
            h.kind = "body"
        elif h.ntok == 1 and h.key in acronyms and not h.titled:
            h.key, h.kind = acronyms[h.key], "body"


@dataclass
class _Persons:
    """Who the names of people stand for: each full name's canonical form (the one longer name that
    adds middle names to it), and for each surname the people, per source and per title, it may mean."""

    canon: dict[str, str]  # full name -> the person
    persons: set[str]
    by_surname: dict[str, set[str]]
    in_source: dict[tuple[str, str], set[str]]  # (source, surname) -> people
    titles: dict[tuple[str, str], set[str]]  # (source, person) -> titles
    titled_by: dict[tuple[str, str], set[str]]  # (title, surname) -> people

    @classmethod
    def of(cls, hits: Iterable[_Hit], found: list[Found]) -> _Persons:
        # Full personal names, merged when one drops middle names of a single longer one ("Asad Majeed" -> "Asad Majeed Khan").
        fulls = {h.key for h in hits if h.kind == "person" and h.ntok > 1}
        longer_by: dict[tuple[str, str], list[str]] = defaultdict(list)
        for key in fulls:
            words = key.split()
            for w in set(words[1:]):
                longer_by[(words[0], w)].append(key)
        canon: dict[str, str] = {}
        surname: dict[str, str] = {}
        for key in fulls:
            words = key.split()
            longer = [o for o in longer_by[(words[0], words[-1])] if set(words) < set(o.split())]
            canon[key], surname[key] = longer[0] if len(longer) == 1 else key, _surname(key)
        persons = cls(canon, set(canon.values()), defaultdict(set), defaultdict(set), defaultdict(set), defaultdict(set))
        for _, src, _, h, _ in found:
            if h.key in canon and h.kind == "person":
                person, last = canon[h.key], surname[h.key]
                persons.by_surname[last].add(person)
                persons.in_source[(src, last)].add(person)
                if h.title:
                    persons.titles[(src, person)].add(h.title)
                    persons.titled_by[(h.title, last)].add(person)
        return persons

    def resolve(self, src: str, h: _Hit) -> str | set[str]:
        """The person a one-word name (a surname) means in ``src``, or every person it may mean."""
        cands = self.by_surname.get(h.key)
        if not cands or len(cands) == 1:
            return next(iter(cands)) if cands else h.key
        here = self.in_source.get((src, h.key), set())
        if h.title:
            titled = [c for c in here if h.title in self.titles[(src, c)]]
            if len(titled) == 1:
                return titled[0]
        if len(here) == 1:
            return next(iter(here))
        if not here and h.title and len(titled_all := self.titled_by.get((h.title, h.key), set())) == 1:
            return next(iter(titled_all))
        return cands


Ambiguous = dict[str, tuple[set[str], dict[tuple[str, str], None]]]  # variant -> (candidates, sentences)


def _group_mentions(items: list[tuple[str, str, str]], big: str, found: list[Found], persons: _Persons
                    ) -> tuple[dict[str, _Group], Ambiguous, dict[tuple[str, str], list[str]]]:
    """Each mention counted under its entity's key, or, for a surname that may mean several people, as
    ambiguous; and the keys each sentence mentions."""
    groups: dict[str, _Group] = {}
    ambiguous: Ambiguous = {}
    by_sentence: dict[tuple[str, str], list[str]] = {(src, sid): [] for src, sid, _ in items}
    resolved: dict[tuple[str, int], str | set[str]] = {}
    for pos, src, sid, h, d in found:
        variant = big[(h.start if h.kind == "outlet" and h.article_cap else h.vstart) + d : h.end + d]
        if h.ntok == 1 and h.kind in ("person", "other"):
            target = resolved.get((src, id(h)))
            if target is None:
                target = resolved[(src, id(h))] = persons.resolve(src, h)
            if isinstance(target, set):
                amb = ambiguous.setdefault(variant, (set(), {}))
                amb[0].update(target)
                amb[1][(src, sid)] = None
                continue
            key = target
        else:
            key = persons.canon.get(h.key, h.key) if h.kind == "person" else h.key
        g = groups.get(key) or groups.setdefault(key, _Group())
        g.add("person" if key in persons.persons or h.titled else h.kind, variant, h.name, pos, (src, sid), h.article_cap)
        by_sentence[(src, sid)].append(key)
    return groups, ambiguous, by_sentence


def _merge_national_forms(groups: dict[str, _Group]) -> dict[str, str]:
    """"US State Department" joins "State Department" when the shorter form is also used; what merged into what."""
    merged: dict[str, str] = {}
    for key in groups:
        words = key.split()
        if len(words) > 2 and (words[0] in _DEMONYMS or _KNOWN.get(words[0], ("",))[0] == "place"):
            rest = " ".join(words[1:])
            if rest in groups and groups[rest].kind() in ("body", "outlet"):
                merged[key] = rest
    for key, rest in merged.items():
        groups[rest].merge(groups.pop(key))
    return merged


def _name_entities(groups: dict[str, _Group]) -> tuple[list[Entity], dict[str, str]]:
    """The entities, most mentioned first, each with its name (a person's fullest, else the most used or the
    known one) and a unique id made from it; and the id of each key."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    next_number: dict[str, int] = {}
    entities: list[Entity] = []
    for key in sorted(groups, key=lambda k: (-len(groups[k].occ), next(iter(groups[k].occ)))):
        g = groups[key]
        kind = g.kind()
        if kind == "person":
            name = max(g.names, key=lambda n: (len(n.split()), g.names[n]))
        else:
            own = [n for n in g.names if _key(n) == key] or list(g.names)  # "CPS" is counted under "Crown Prosecution Service"
            name = _KNOWN[key][1] if key in _KNOWN else max(own, key=g.names.__getitem__)
            if kind == "outlet" and g.the * 2 >= g.n and not name.lower().startswith("the "):
                name = "The " + name
        slug = base = _slug(name)
        number = next_number.get(base, 2)  # where the last entity of this slug stopped: linear, however many share it
        while slug in used:  # "Café" and "Cafe" slugify alike, and "Chandrayaan-2" may hold the next number
            slug, number = f"{base}-{number}", number + 1
        next_number[base] = number
        ids[key] = slug
        used.add(slug)
        variants = tuple(sorted(g.variants, key=lambda v: (-g.variants[v][0], g.variants[v][1])))
        entities.append(Entity(slug, name, kind, variants, tuple(g.occ.values())))
    return entities, ids


pickle_by_position(globals())  # records pickled as tuples (see provenance.model)
