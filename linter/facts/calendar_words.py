"""Calendar words: month and weekday names with their abbreviations, one table each.

The date parser (facts.dates) reads them to resolve dates; the number extractor
(facts.numbers) to know that "May 5" or "Monday 12" is not a model number.
"""

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# weekday names and the abbreviations a date line uses -> 0 (Monday) .. 6
WEEKDAY_WORDS = {
    "monday": 0, "mon": 0, "mo": 0, "tuesday": 1, "tues": 1, "tue": 1, "tu": 1,
    "wednesday": 2, "wed": 2, "we": 2, "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "th": 3,
    "friday": 4, "fri": 4, "fr": 4, "saturday": 5, "sat": 5, "sa": 5, "sunday": 6, "sun": 6, "su": 6,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
