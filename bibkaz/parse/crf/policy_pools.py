"""Made-up material for the policy training strings (bibkaz/parse/crf/policy_data.py).

Every name, title, organisation and number here was invented for bibkaz (or is a
generic public name such as a newspaper's or a court reporter's, which a citation
has to carry); none is copied from a document of the corpus. The words are
mixed from small lists so that the parser learns the *shape* of a citation
(where the author ends, what a report number or a legal designator looks like),
not particular titles.
"""

from __future__ import annotations

GIVEN = (
    "Ana", "Tom", "Maria", "Rita", "Karl", "Lena", "Omar", "Priya", "Jonas", "Chen", "Aisha", "Pedro",
    "Sofia", "Lukas", "Nadia", "Hiro", "Grace", "Ivan", "Fatima", "Elena", "David", "Sarah", "Kwame",
    "Marta", "Jorge", "Yuki", "Olga", "Samuel", "Leila", "Brendan", "Keith", "Joanna", "Ruth", "Mateo",
)
MIDDLE = ("A.", "J.", "M.", "R.", "E.", "L.", "K.", "P.", "T.", "S.")
FAMILY = (
    "Ruiz", "Lee", "Meyer", "Okafor", "Delgado", "Hale", "Moss", "Novak", "Haddad", "Sato", "Ek", "Ma",
    "Kowalski", "Nguyen", "Petrov", "Osei", "Lindqvist", "Brennan", "Farouk", "Castillo", "Tanaka",
    "Whitfield", "Abara", "Marsh", "Oyelaran", "Varga", "Duarte", "Rahman", "Holm", "Ferreira",
    "McAllister", "O'Connell", "Zhou", "Gallo", "Stein", "Baptiste", "Kaur", "Sokolova",
)
#: Family names with particles, which must survive as particles in every export.
PARTICLE_FAMILY = ("van den Berg", "de Vries", "von der Heide", "van Dijk", "de la Cruz", "da Silva", "ter Horst", "di Marco")
OFFICE_TITLES = ("Patriarch", "President", "Pope", "Secretary-General", "Senator", "Chancellor", "Minister", "Ambassador")
MONONYMS = ("Bartholomew", "Theodoros", "Kirill", "Francis", "Ilia")

ORGS = (
    "National Cyber Security Centre", "Harlow Philanthropies", "Bureau of Water Statistics",
    "Office of the Inspector General", "Ministry of Energy Transition", "Centre for Grid Studies",
    "Institute for Coastal Policy", "Department of Rural Affairs", "European Commission",
    "World Bank", "International Monetary Fund", "Joint Committee on Revenue", "Federal Reserve Board",
    "Council on Northern Security", "Data Protection Office", "Agency for Housing Finance",
    "Social Insurance Administration", "Amber Bay Foundation", "Global Ports Alliance",
    "Office of the Trade Representative", "Department of the Treasury", "Northfield University",
    "U.S. Department of Commerce", "Ministry of Foreign Affairs of Latvia", "Clearwater Institute",
    "Prairie Fund for Children", "Riverside Policy Group", "Human Rights Watch", "Amnesty International",
)
ACRONYMS = ("GAO", "IRS", "OECD", "CBO", "ITA", "NATO", "UNHCR", "IEA", "FAO", "BLS", "OMB", "USDA", "EPA", "WHO", "IMF")
UPPER_ORGS = ("DATA PROTECTION OFFICE TEAM", "NATIONAL AUDIT OFFICE", "MINISTRY OF HEALTH", "STATISTICS BOARD")

NEWSPAPERS = (
    "The Guardian", "New York Times", "The Washington Post", "Financial Times", "Der Spiegel", "Le Monde",
    "The Wall Street Journal", "El País", "The Times", "Politico", "Axios", "The Economist",
    "Reuters", "Associated Press", "Bloomberg", "Business Wire", "PR Newswire", "Agence France-Presse",
    "Kommersant", "Die Zeit", "The Hindu", "Al Jazeera", "BBC News", "Nikkei Asia", "Foreign Policy",
    "The Atlantic", "Süddeutsche Zeitung", "Corriere della Sera", "The Irish Times", "Los Angeles Times",
)
SITES = (
    "Brookings", "Lawfare", "War on the Rocks", "Carnegie Endowment", "Chatham House", "RAND Blog",
    "Council on Foreign Relations", "Atlantic Council", "Bruegel", "VoxEU", "The Conversation",
    "Urban Institute", "Tax Policy Center", "Center for American Progress", "Heritage Foundation",
    "Medium", "Substack", "GitHub", "YouTube", "World Bank Blogs", "IMF Blog",
)
JOURNALS = (
    "Journal of Public Policy", "International Affairs", "Survival", "Foreign Affairs", "Energy Policy",
    "Regional Studies", "Policy Sciences", "Journal of Urban Economics", "Security Dialogue",
    "Review of International Studies", "National Tax Journal", "Public Administration Review",
)
PUBLISHERS = (
    ("Cham", "Springer"), ("Oxford", "Oxford University Press"), ("Washington, DC", "Brookings Institution Press"),
    ("New York", "Routledge"), ("Cambridge", "Cambridge University Press"), ("London", "Palgrave Macmillan"),
    ("Santa Monica, CA", "RAND Corporation"), ("Paris", "OECD Publishing"), ("Geneva", "United Nations"),
    ("Chicago", "University of Chicago Press"), ("Berlin", "De Gruyter"),
)
UNIVERSITIES = ("University of Chicago", "Northfield University", "University of Leeds", "Sciences Po",
                "Central European University", "University of Toronto", "Freie Universität Berlin")
INSTITUTIONS = ("National Bureau of Economic Research", "American Enterprise Institute", "Peterson Institute",
                "Centre for Economic Policy Research", "Kiel Institute", "Bank for International Settlements")

TITLE_WORDS = (
    "Energy", "Security", "Housing", "Trade", "Corridor", "Sanctions", "Water", "Grid", "Border", "Tax",
    "Pensions", "Migration", "Cyber", "Ports", "Savings", "Subsidies", "Health", "Data", "Climate",
    "Elections", "Courts", "Budget", "Labour", "Farm", "Credit", "Wildfire", "Defence", "Transit",
)
TITLE_FRAMES = (
    "Why the {a} Matters", "The Future of {a} {b}", "{a} and {b} in a Changing Region",
    "How Cities Buy {a}", "Rethinking {a} Policy", "{a} {b}: An Overview",
    "{a} {b}: Issues for Congress", "Balancing {a} and {b}", "After the {a} Crisis",
    "{a} Reform and the Limits of {b}", "A New Approach to {a} {b}", "{a} Programs: Background and Options",
    "The Politics of {a}", "Who Pays for {a}?", "{a}, {b}, and the State", "Lessons from the {a} Shock",
    "{a} Funding: Trends and Outlook", "Measuring {a} {b}", "{a} Under Pressure",
)
FOREIGN_TITLES = (
    "Neue Wege der Energiepolitik", "La réforme des retraites en débat", "El futuro de la vivienda pública",
    "Bezopasnost' i energetika v regione", "Die Grenzen der Haushaltspolitik", "Les ports et la mer",
    "Politika i ekonomika severa", "Il bilancio dello Stato", "Gosudarstvennaya politika v sfere vodnykh resursov",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MONTHS_ABBR = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
HOSTS = ("www.example.org", "www.policy-example.net", "example.gov", "news.example.com", "www.thinktank.example")
