package editor

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// Renderer renders an imagor path. *engine.Engine implements it.
type Renderer interface {
	Do(ctx context.Context, path string) (*http.Response, error)
}

// Render fetches path from r and returns the body, or an error with imagor's message.
func Render(ctx context.Context, r Renderer, path string) ([]byte, error) {
	resp, err := r.Do(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("render %s: read the response: %w", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		var imagorErr struct {
			Message string `json:"message"`
		}
		if json.Unmarshal(bytes.TrimSpace(body), &imagorErr) != nil || imagorErr.Message == "" {
			imagorErr.Message = http.StatusText(resp.StatusCode)
		}
		return nil, fmt.Errorf("render %s: the engine returned %d: %s", path, resp.StatusCode, imagorErr.Message)
	}
	return body, nil
}

// Export renders ops on key at full size (no preview() and no cache) and writes the result to
// target with WriteExport.
func Export(ctx context.Context, r Renderer, ops, key, target, original string, confirmed bool) error {
	if !confirmed && SameFile(target, original) {
		return fmt.Errorf("export to %s: %w", target, ErrOverwriteOriginal)
	}
	data, err := Render(ctx, r, Path(ops, ImageKey(key)))
	if err != nil {
		return err
	}
	return WriteExport(target, original, data, confirmed)
}
