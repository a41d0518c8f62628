"""Every figure the original comparison page (shared/seed/000_6caa9111048ed0a5.txt) shows,
as (row label, collections specialist, loss mitigation specialist); the labels are the bot's (the page's, made honest: "Highest paying city" is a metro area)."""

SEED_ROWS = [
    ("Yearly salary", "$35,164", "$43,251"),
    ("Hourly rate", "$16.91", "$20.79"),
    ("Growth rate", "-8%", "-8%"),
    ("Number of jobs", "40,277", "7,596"),
    ("Job satisfaction", "—", "3.67"),
    ("Most common education level", "Bachelor's Degree, 34%", "Bachelor's Degree, 51%"),
    ("Average age", "46", "46"),
    ("Years of experience", "12", "12"),
    ("Salary range", "$27,000", "$34,000"),
    ("Salary range", "$45,000", "$54,000"),
    ("Highest-paying metro area", "Boston, MA", "Virginia Beach, VA"),
    ("Highest-paying state", "Connecticut", "Maryland"),
    ("Best-paying company", "Kent Daniels & Associates", "Accenture"),
    ("Best-paying industry", "Finance", "Professional"),
    ("Most common major", "Business", "Business"),
    ("Most common college", "—", "—"),
    ("Gender ratio", "Male, 30.5%", "Male, 40.4%"),
    ("Gender ratio", "Female, 69.5%", "Female, 59.6%"),
    ("Race ratio", "Black or African American, 12.2%", "Black or African American, 13.9%"),
    ("Race ratio", "Unknown, 4.1%", "Unknown, 3.9%"),
    ("Race ratio", "Hispanic or Latino, 18.5%", "Hispanic or Latino, 20.7%"),
    ("Race ratio", "Asian, 3.7%", "Asian, 3.4%"),
    ("Race ratio", "White, 61.0%", "White, 57.6%"),
    (
        "Race ratio",
        "American Indian and Alaska Native, 0.5%",
        "American Indian and Alaska Native, 0.5%",
    ),
    ("LGBT percentage", "8%", "8%"),
    ("Time to become", "6–12 months", "6–12 months"),
]
SEED_SKILLS = (
    ["Customer Service", "Patients", "Customer Accounts"],
    ["Customer Service", "Loan Modifications", "Foreclosure Process"],
)
SEED_DESCRIPTIONS = (
    "collections specialists collect payments for the outstanding accounts receivables",
    "A loss mitigation specialist is responsible for evaluating outstanding debts",
)
