package settings

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// Preference keys of the loopback API, stored with the UI preferences.
const (
	prefAPIEnabled = "api.enabled"
	prefAPIPort    = "api.port"
)

// DefaultAPIPort is the loopback port of the API unless the user picks another.
const DefaultAPIPort = 7117

// APIPreferences are the stored settings of the loopback API.
type APIPreferences struct {
	Enabled bool `json:"enabled"`
	Port    int  `json:"port"`
}

// APIPreferences returns the stored API settings: off, on DefaultAPIPort, until the user changes
// them. A stored value that does not decode reads as its default.
func (s *Service) APIPreferences(ctx context.Context) (APIPreferences, error) {
	prefs, err := s.db.Preferences(ctx)
	if err != nil {
		return APIPreferences{}, err
	}
	out := APIPreferences{Port: DefaultAPIPort}
	if v, ok := prefs[prefAPIEnabled]; ok {
		_ = json.Unmarshal([]byte(v), &out.Enabled)
	}
	if v, ok := prefs[prefAPIPort]; ok {
		var port int
		if json.Unmarshal([]byte(v), &port) == nil && validPort(port) {
			out.Port = port
		}
	}
	return out, nil
}

// SetAPIPreferences stores the API settings. The port must be 1024 to 65535.
func (s *Service) SetAPIPreferences(ctx context.Context, p APIPreferences) error {
	if !validPort(p.Port) {
		return fmt.Errorf("%w: API port %d: use a port from 1024 to 65535", ErrInvalid, p.Port)
	}
	if err := s.db.SetPreference(ctx, prefAPIEnabled, fmt.Sprint(p.Enabled)); err != nil {
		return err
	}
	return s.db.SetPreference(ctx, prefAPIPort, fmt.Sprint(p.Port))
}

func validPort(port int) bool {
	return port >= 1024 && port <= 65535
}

// APIToken returns the bearer token of the loopback API, generating a random 256-bit one on
// first use.
func (s *Service) APIToken(ctx context.Context) (string, error) {
	return s.AppSecret(ctx, SecretAPIToken)
}

// RotateAPIToken replaces the API token with a new random one and returns it. Clients that hold
// the old token get 401 from then on.
func (s *Service) RotateAPIToken(ctx context.Context) (string, error) {
	return s.newAppSecret(ctx, SecretAPIToken)
}

// newAppSecret stores a new random 256-bit secret, hex-encoded, under name and returns it.
func (s *Service) newAppSecret(ctx context.Context, name string) (string, error) {
	value := make([]byte, 32)
	if _, err := rand.Read(value); err != nil {
		return "", fmt.Errorf("generate %s: %w", name, err)
	}
	secret := hex.EncodeToString(value)
	sealed, err := s.box.Seal([]byte(secret), "app_secrets", "value", name)
	if err != nil {
		return "", err
	}
	if err := s.db.SetAppSecret(ctx, name, sealed); err != nil {
		return "", err
	}
	return secret, nil
}
