/// Names and places for the demo clinic's patients: common in the UK, varied in origin, and
/// made up in combination (the NHS numbers are from the 999 test range, the phone numbers
/// from Ofcom's range for drama, the e-mail addresses at example.org).
enum DemoNames {
    static let femaleGivenNames = [
        "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Mia", "Poppy", "Ella",
        "Charlotte", "Lily", "Evie", "Freya", "Isabella", "Ruby", "Chloe", "Harriet", "Jessica", "Lucy",
        "Hannah", "Rachel", "Sarah", "Claire", "Helen", "Joanne", "Karen", "Nicola", "Rebecca", "Victoria",
        "Aisha", "Fatima", "Priya", "Anjali", "Zainab", "Amara", "Chiamaka", "Ngozi", "Mei", "Yasmin",
        "Siobhan", "Niamh", "Catriona", "Eilidh", "Megan", "Bethan", "Rhiannon", "Agnieszka", "Katarzyna", "Ioana",
        "Maria", "Sofia", "Leah", "Imogen", "Alice", "Florence", "Margaret", "Susan", "Patricia", "Linda",
    ]

    static let maleGivenNames = [
        "Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Thomas", "Oscar", "William",
        "James", "David", "Richard", "Michael", "Paul", "Mark", "Stephen", "Andrew", "Peter", "Robert",
        "Mohammed", "Ahmed", "Imran", "Rajesh", "Sanjay", "Kwame", "Chinedu", "Emeka", "Wei", "Tariq",
        "Callum", "Ewan", "Rhys", "Dafydd", "Ciaran", "Declan", "Piotr", "Tomasz", "Andrei", "Luca",
    ]

    static let otherGivenNames = ["Alex", "Sam", "Jordan", "Robin", "Charlie", "Jamie", "Morgan", "Riley"]

    static let familyNames = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
        "Patel", "Khan", "Ahmed", "Ali", "Shah", "Begum", "Hussain", "Singh", "Kaur", "Chowdhury",
        "Okonkwo", "Adeyemi", "Mensah", "Osei", "Boateng", "Nwosu", "Abara", "Chen", "Wong", "Li",
        "MacDonald", "Campbell", "Stewart", "Murray", "Fraser", "Reid", "Morgan", "Hughes", "Price", "Griffiths",
        "O'Brien", "Murphy", "Kelly", "Byrne", "Doyle", "Kowalski", "Nowak", "Wiśniewska", "Popescu", "Rossi",
        "Harrison", "Lewis", "Baker", "Cooper", "Hill", "Ward", "Turner", "Carter", "Phillips", "Mitchell",
        "Bennett", "Parker", "Cook", "Bailey", "Bell", "Richardson", "Cox", "Howard", "Fletcher", "Hart",
        "Ellis", "Marshall", "Owen", "Chapman", "Barnes", "Knight", "Lloyd", "Webb", "Pearce", "Hunt",
        "Gordon", "Holmes", "Mills", "Rogers", "Stevens", "Dixon", "Fox", "Lawrence", "Saunders", "Payne",
    ]

    static let streets = [
        "Orchard Lane", "Station Road", "Church Street", "Victoria Road", "Mill Lane", "Park Avenue",
        "High Street", "Queen's Road", "Meadow Close", "Willow Way", "The Crescent", "Chestnut Grove",
        "Green Lane", "Manor Road", "Kingsway", "Elm Terrace", "Riverside Walk", "Beech Drive",
    ]

    static let towns = [
        "Ashford", "Bramley", "Caversham", "Didsbury", "Eastleigh", "Frome", "Guisborough", "Harrogate",
        "Ilkley", "Kendal", "Ludlow", "Malvern", "Newbury", "Oakham", "Penrith", "Ripon", "Stroud", "Thirsk",
    ]
}
