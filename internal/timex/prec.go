package timex

import "sitrep/news"

// Local names for the TIMEX3 precisions that news adds for times.
const (
	PrecisionCentury   = news.PrecisionCentury
	PrecisionDecade    = news.PrecisionDecade
	PrecisionHalf      = news.PrecisionHalf
	PrecisionSeason    = news.PrecisionSeason
	PrecisionQuarter   = news.PrecisionQuarter
	PrecisionWeek      = news.PrecisionWeek
	PrecisionPartOfDay = news.PrecisionPartOfDay
)
