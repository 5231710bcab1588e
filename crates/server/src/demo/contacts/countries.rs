//! Where generated contacts live: for each country its share of contacts, the names people there
//! carry (accents and all), its cities and streets, how its companies are named, and the number
//! ranges its mobiles and landlines are drawn from.

use super::phones::NumberSpace;

/// One country's people, places and numbers.
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// Share of generated contacts, in percent (the shares add up to 100).
    pub weight: u64,
    /// Given names.
    pub first_names: &'static [&'static str],
    /// Family names.
    pub last_names: &'static [&'static str],
    /// `(city, region, postal code template)`; in a template `#` is a digit and `@` a letter.
    pub cities: &'static [(&'static str, &'static str, &'static str)],
    /// Street names, written as the country writes a street with its number (`{n}` is the number).
    pub streets: &'static [&'static str],
    /// What a company's name ends with (`Ltd`, `GmbH`), one drawn per company; `""` for none.
    pub company_suffixes: &'static [&'static str],
    /// Mobile numbers.
    pub mobile: NumberSpace,
    /// Landlines (home and office).
    pub landline: NumberSpace,
}

const ANGLO_FIRST: &[&str] = &[
    "James",
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Ava",
    "Ethan",
    "Sophia",
    "Mason",
    "Isabella",
    "Lucas",
    "Mia",
    "Aiden",
    "Charlotte",
    "Jackson",
    "Amelia",
    "Elijah",
    "Harper",
    "Grace",
    "Henry",
    "Chloe",
    "Owen",
    "Zoë",
    "Aaliyah",
    "Kwame",
    "Priya",
    "Mei",
    "Renée",
    "Jamal",
    "Siobhan",
    "Dana",
    "Marcus",
    "Hannah",
    "Rahul",
];
const ANGLO_LAST: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Martin",
    "Jackson",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Young",
    "O'Brien",
    "McAllister",
    "Okafor",
    "Nguyen",
    "Patel",
    "Kim",
    "Chen",
    "Ellison",
    "Brennan",
    "Hughes",
    "Khan",
    "Campbell",
    "Murphy",
    "Reyes",
    "Fitzgerald",
];
const DE_FIRST: &[&str] =
    &["Jürgen", "Björn", "Lena", "Jörg", "Käthe", "Lukas", "Anna", "Felix", "Sören", "Marie", "Jonas", "Götz"];
const DE_LAST: &[&str] = &[
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weiß",
    "Becker",
    "Schäfer",
    "Köhler",
    "Hoffmann",
    "Krüger",
    "Wagner",
    "Groß",
];
const FR_FIRST: &[&str] =
    &["François", "Hélène", "Amélie", "Jérôme", "Léa", "Théo", "Chloé", "Zoé", "Benoît", "Gaëlle", "Noël", "Inès"];
const FR_LAST: &[&str] = &[
    "Martin",
    "Lefèvre",
    "Dubois",
    "Girard",
    "Lemaître",
    "Moreau",
    "Faure",
    "Mercier",
    "Rousseau",
    "Fontaine",
    "Bérenger",
    "Chevalier",
];
const ES_FIRST: &[&str] =
    &["José", "María", "Inés", "Andrés", "Lucía", "Álvaro", "Sofía", "Martín", "Raúl", "Ángela", "Jesús", "Begoña"];
const ES_LAST: &[&str] = &[
    "García",
    "Núñez",
    "Martínez",
    "López",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Fernández",
    "Díaz",
    "Muñoz",
    "Jiménez",
    "Ibáñez",
];
const PL_FIRST: &[&str] = &["Łukasz", "Zofia", "Paweł", "Małgorzata", "Michał", "Agnieszka", "Wojciech", "Ewa"];
// Surnames that do not change with the bearer's gender (unlike Kowalski / Kowalska).
const PL_LAST: &[&str] = &["Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Zając", "Król"];
const IE_FIRST: &[&str] = &["Aoife", "Seán", "Niamh", "Cian", "Órla", "Pádraig", "Siobhán", "Eoin", "Ciara", "Darragh"];
// Irish-language surnames change with gender (Ó Briain, Ní Bhriain): the anglicised forms here.
const IE_LAST: &[&str] = &["O'Brien", "Murphy", "Kelly", "O'Sullivan", "Walsh", "Byrne", "McCarthy", "Ryan"];

const US_STREETS: &[&str] = &[
    "{n} Maple Street",
    "{n} Oak Avenue",
    "{n} Mission Street",
    "{n} Cedar Lane",
    "{n} Lakeview Drive",
    "{n} Elm Street",
    "{n} Sunset Boulevard",
    "{n} Park Avenue",
    "{n} Hillcrest Road",
    "{n} Washington Street",
];
const GB_STREETS: &[&str] = &[
    "{n} High Street",
    "{n} Station Road",
    "{n} Church Lane",
    "{n} Victoria Road",
    "{n} Mill Lane",
    "{n} Queen's Road",
    "{n} Kingsway",
    "{n} Albert Terrace",
];
const DE_STREETS: &[&str] =
    &["Hauptstraße {n}", "Schillerstraße {n}", "Gartenweg {n}", "Königsallee {n}", "Am Mühlbach {n}"];
const FR_STREETS: &[&str] =
    &["{n} rue de la Paix", "{n} avenue Jean Jaurès", "{n} rue Émile Zola", "{n} boulevard Saint-Michel"];
const ES_STREETS: &[&str] =
    &["Calle Mayor {n}", "Avenida de la Constitución {n}", "Calle del Olmo {n}", "Paseo de Gràcia {n}"];
const MX_STREETS: &[&str] = &["Av. Insurgentes Sur {n}", "Calle Madero {n}", "Av. Juárez {n}", "Calle Colima {n}"];
const PL_STREETS: &[&str] = &["ul. Marszałkowska {n}", "ul. Długa {n}", "ul. Świętokrzyska {n}", "ul. Kwiatowa {n}"];

/// The countries contacts are generated in; their weights add up to 100.
pub const COUNTRIES: &[Country] = &[
    Country {
        code: "US",
        weight: 45,
        first_names: ANGLO_FIRST,
        last_names: ANGLO_LAST,
        cities: &[
            ("Seattle", "WA", "981##"),
            ("Austin", "TX", "787##"),
            ("Denver", "CO", "802##"),
            ("Chicago", "IL", "606##"),
            ("Boston", "MA", "021##"),
            ("Miami", "FL", "331##"),
            ("Portland", "OR", "972##"),
            ("Atlanta", "GA", "303##"),
        ],
        streets: US_STREETS,
        company_suffixes: &["", "LLC", "Inc.", "Co."],
        mobile: NumberSpace::nanp(&["1206", "1512", "1303", "1773", "1617", "1305", "1503", "1404"]),
        landline: NumberSpace::nanp(&["1425", "1737", "1720", "1872", "1857", "1786", "1971", "1678"]),
    },
    Country {
        code: "GB",
        weight: 18,
        first_names: ANGLO_FIRST,
        last_names: ANGLO_LAST,
        cities: &[
            ("London", "", "SE1 #@@"),
            ("Manchester", "", "M1 #@@"),
            ("Leeds", "", "LS1 #@@"),
            ("Bristol", "", "BS1 #@@"),
            ("Edinburgh", "", "EH1 #@@"),
            ("Cardiff", "", "CF10 #@@"),
        ],
        streets: GB_STREETS,
        company_suffixes: &["Ltd", "Ltd", "& Sons", "plc"],
        mobile: NumberSpace::new(&["4474", "4475", "4478", "4479"], "0123456789", 8),
        landline: NumberSpace::new(&["44203", "44208", "44161", "44113", "44117", "44131"], "23456789", 7),
    },
    Country {
        code: "CA",
        weight: 7,
        first_names: ANGLO_FIRST,
        last_names: ANGLO_LAST,
        cities: &[("Toronto", "ON", "M5V #@#"), ("Vancouver", "BC", "V6B #@#"), ("Montréal", "QC", "H2X #@#")],
        streets: US_STREETS,
        company_suffixes: &["", "Inc.", "Ltd."],
        mobile: NumberSpace::nanp(&["1416", "1604", "1514"]),
        landline: NumberSpace::nanp(&["1647", "1778", "1438"]),
    },
    Country {
        code: "DE",
        weight: 7,
        first_names: DE_FIRST,
        last_names: DE_LAST,
        cities: &[
            ("Berlin", "", "10###"),
            ("München", "", "80###"),
            ("Köln", "", "50###"),
            ("Düsseldorf", "", "40###"),
        ],
        streets: DE_STREETS,
        company_suffixes: &["GmbH", "GmbH", "AG", "KG"],
        mobile: NumberSpace::new(&["49151", "49160", "49170", "49176"], "123456789", 8),
        landline: NumberSpace::new(&["4930", "4989", "49221", "49211"], "23456789", 8),
    },
    Country {
        code: "FR",
        weight: 6,
        first_names: FR_FIRST,
        last_names: FR_LAST,
        cities: &[("Paris", "", "750##"), ("Lyon", "", "6900#"), ("Marseille", "", "130##"), ("Nantes", "", "440##")],
        streets: FR_STREETS,
        company_suffixes: &["SARL", "SAS", "SA"],
        mobile: NumberSpace::new(&["336", "337"], "123456789", 8),
        landline: NumberSpace::new(&["331", "334"], "23456789", 8),
    },
    Country {
        code: "ES",
        weight: 5,
        first_names: ES_FIRST,
        last_names: ES_LAST,
        cities: &[("Madrid", "Madrid", "280##"), ("Barcelona", "Barcelona", "080##"), ("Sevilla", "Sevilla", "410##")],
        streets: ES_STREETS,
        company_suffixes: &["S.L.", "S.A."],
        mobile: NumberSpace::new(&["346"], "0123456789", 8),
        landline: NumberSpace::new(&["3491", "3493", "3495"], "2345678", 7),
    },
    Country {
        code: "MX",
        weight: 4,
        first_names: ES_FIRST,
        last_names: ES_LAST,
        cities: &[
            ("Ciudad de México", "CDMX", "06###"),
            ("Guadalajara", "Jal.", "44###"),
            ("Monterrey", "N.L.", "64###"),
        ],
        streets: MX_STREETS,
        company_suffixes: &["S.A. de C.V.", ""],
        mobile: NumberSpace::new(&["5255", "5233", "5281"], "123456789", 8),
        landline: NumberSpace::new(&["52222", "52442", "52999"], "23456789", 7),
    },
    Country {
        code: "IE",
        weight: 3,
        first_names: IE_FIRST,
        last_names: IE_LAST,
        cities: &[
            ("Dublin", "Co. Dublin", "D02 @###"),
            ("Cork", "Co. Cork", "T12 @###"),
            ("Galway", "Co. Galway", "H91 @###"),
        ],
        streets: GB_STREETS,
        company_suffixes: &["Ltd", "Teoranta"],
        mobile: NumberSpace::new(&["35383", "35385", "35386", "35387", "35389"], "0123456789", 7),
        landline: NumberSpace::new(&["3531", "35321", "35391"], "2345678", 7),
    },
    Country {
        code: "PL",
        weight: 5,
        first_names: PL_FIRST,
        last_names: PL_LAST,
        cities: &[
            ("Warszawa", "", "00-###"),
            ("Kraków", "", "31-###"),
            ("Gdańsk", "", "80-###"),
            ("Łódź", "", "90-###"),
        ],
        streets: PL_STREETS,
        company_suffixes: &["Sp. z o.o.", "S.A."],
        mobile: NumberSpace::new(&["4850", "4851", "4853", "4860", "4869"], "0123456789", 7),
        landline: NumberSpace::new(&["4822", "4812", "4858"], "2345678", 7),
    },
];

/// Company name stems that are not family names.
pub const COMPANY_STEMS: &[&str] = &[
    "Northwind",
    "Bluebird",
    "Summit",
    "Harbor",
    "Evergreen",
    "Redwood",
    "Silverline",
    "Ironbridge",
    "Brightwater",
    "Oakridge",
    "Lighthouse",
    "Granite",
    "Juniper",
    "Copperleaf",
    "Meridian",
    "Starling",
    "Westbrook",
    "Foxglove",
    "Kestrel",
    "Pinecrest",
    "Riverside",
    "Alder",
    "Beacon",
    "Cobalt",
];

/// What a company does, as its name says it.
pub const TRADES: &[&str] = &[
    "Bakery",
    "Logistics",
    "Dental Care",
    "Software",
    "Plumbing",
    "Consulting",
    "Florists",
    "Motors",
    "Print",
    "Architects",
    "Veterinary Clinic",
    "Insurance",
    "Pharmacy",
    "Construction",
    "Catering",
    "Fitness",
    "Legal",
    "Travel",
    "Outfitters",
    "Analytics",
    "Energy",
    "Optics",
    "Coffee Roasters",
    "Garden Centre",
];

/// Job titles of business contacts.
pub const TITLES: &[&str] = &[
    "Owner",
    "Office Manager",
    "Head of Procurement",
    "Finance Director",
    "IT Administrator",
    "Operations Manager",
    "Chief Executive Officer",
    "Accounts Payable Clerk",
    "Facilities Coordinator",
    "Practice Manager",
    "Marketing Lead",
    "Purchasing Agent",
    "Store Manager",
    "Co-founder",
    "HR Business Partner",
    "Buyer",
];

/// Mailbox providers' domains for personal addresses: the reserved example domains (RFC 2606), so
/// no generated address is anybody's real mailbox.
pub const PERSONAL_DOMAINS: &[&str] = &["example.com", "example.net", "example.org", "mail.example.com"];
