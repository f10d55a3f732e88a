package pipeline

import (
	"sitrep/internal/extract"
	"sitrep/internal/segment"
	"sitrep/internal/timex"
)

// Config holds the configuration of every stage of the default pipeline.
type Config struct {
	Extract extract.Config
	Segment segment.Config
	Timex   timex.Config
}

// Default returns the stages in their default order: extract, segment,
// timex. Later stages (entity, place, quote, event) join here as they land.
func Default(cfg Config) (*Pipeline, error) {
	return New(
		extract.New(cfg.Extract),
		segment.New(cfg.Segment),
		timex.New(cfg.Timex),
	)
}
