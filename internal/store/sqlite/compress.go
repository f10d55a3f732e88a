package sqlite

import (
	"fmt"

	"github.com/klauspost/compress/zstd"
)

// The article JSON (every layer, tokens included) is about forty times the
// size of the text; zstd brings it down to a few times. Encoder and decoder
// are safe for concurrent use through EncodeAll and DecodeAll.
var (
	zenc, _ = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1))
	zdec, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
)

func compress(b []byte) []byte {
	if b == nil {
		return nil
	}
	return zenc.EncodeAll(b, make([]byte, 0, len(b)/4+64))
}

func decompress(b []byte, what string) ([]byte, error) {
	if b == nil {
		return nil, nil
	}
	out, err := zdec.DecodeAll(b, nil)
	if err != nil {
		return nil, fmt.Errorf("stored %s: %w", what, err)
	}
	return out, nil
}
