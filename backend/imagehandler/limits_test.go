package imagehandler_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/imagor-studio/desktop/backend/imagehandler"
)

func TestHandler_OutputLimits(t *testing.T) {
	h := imagehandler.New(nil, nil, discard)
	tests := []struct {
		name, path string
		wantStatus int
		wantReason string
	}{
		{"ErrHugeSides", "/unsafe/65001x10/lib/a.jpg", 422, imagehandler.ReasonTooLarge},
		{"ErrHugeArea", "/unsafe/20000x10001/lib/a.jpg", 422, imagehandler.ReasonTooLarge},
		{"ErrNegativeFlip", "/unsafe/-99999x-99999/lib/a.jpg", 422, imagehandler.ReasonTooLarge},
		{"ErrPadding", "/unsafe/fit-in/60000x100/5000x0:5000x0/lib/a.jpg", 422, imagehandler.ReasonTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, imagehandler.Prefix+tt.path, nil))
			if rec.Code != tt.wantStatus {
				t.Fatalf("status=%d body=%s, want %d", rec.Code, rec.Body, tt.wantStatus)
			}
			var f imagehandler.Failure
			if err := json.Unmarshal(rec.Body.Bytes(), &f); err != nil {
				t.Fatal(err)
			}
			if f.Reason != tt.wantReason {
				t.Errorf("reason=%q, want %q", f.Reason, tt.wantReason)
			}
		})
	}

	t.Run("ErrTooManyFilters", func(t *testing.T) {
		path := "/unsafe/100x100/filters:"
		for i := range 65 {
			if i > 0 {
				path += ":"
			}
			path += "blur(1)"
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, imagehandler.Prefix+path+"/lib/a.jpg", nil))
		if rec.Code != http.StatusBadRequest {
			t.Errorf("status=%d body=%s, want 400", rec.Code, rec.Body)
		}
	})
}
