package pipeline

import (
	"sitrep/internal/entity"
	"sitrep/internal/event"
	"sitrep/internal/extract"
	"sitrep/internal/place"
	"sitrep/internal/quote"
	"sitrep/internal/segment"
	"sitrep/internal/timex"
)

// Config holds the configuration of every stage of the default pipeline.
type Config struct {
	Extract extract.Config
	Segment segment.Config
	Entity  entity.Config
	Place   place.Config
	Timex   timex.Config
	Quote   quote.Config
	Event   event.Config
}

// Default returns the stages in their default order: extract, segment,
// entity, place, timex, quote, event. It loads the embedded knowledge
// bases (actors, gazetteer) unless cfg supplies them.
func Default(cfg Config) (*Pipeline, error) {
	ent, err := entity.New(cfg.Entity)
	if err != nil {
		return nil, err
	}
	pl, err := place.New(cfg.Place)
	if err != nil {
		return nil, err
	}
	return New(
		extract.New(cfg.Extract),
		segment.New(cfg.Segment),
		ent,
		pl,
		timex.New(cfg.Timex),
		quote.New(cfg.Quote),
		event.New(cfg.Event),
	)
}

// Analysis returns the stages of Default after extract: what runs on an
// article whose Text is already set.
func (p *Pipeline) Analysis() []Stage {
	var out []Stage
	for _, s := range p.Stages {
		if s.Name() != "extract" {
			out = append(out, s)
		}
	}
	return out
}
