package quote

import "testing"

// The cache bit of analyzer.class is no word class.
func TestClassKnownIsNoClass(t *testing.T) {
	for name, c := range classNames {
		if c&classKnown != 0 {
			t.Errorf("class %q uses the bit of classKnown", name)
		}
	}
}
