package pipeline

import (
	"sitrep/internal/extract"
	"sitrep/internal/segment"
)

// Config holds the configuration of every stage of the default pipeline.
type Config struct {
	Extract extract.Config
	Segment segment.Config
}

// Default returns the stages in their default order: extract, segment.
// Later stages (entity, place, timex, quote, event) join here as they land.
func Default(cfg Config) (*Pipeline, error) {
	return New(
		extract.New(cfg.Extract),
		segment.New(cfg.Segment),
	)
}
