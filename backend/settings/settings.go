// Package settings is what the app remembers beyond libraries: imagor URL profiles, the app's own
// secrets and UI preferences. It stores them in the config database and seals every secret with
// the secrets box, so no secret is on disk in clear and none goes back to the UI once saved.
package settings

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/sqlite"
)

// Errors returned by Service.
var (
	ErrInvalid  = errors.New("invalid setting")
	ErrNotFound = sqlite.ErrNotFound
)

// App secret names.
const (
	SecretURLSigning = "url-signing"
	SecretAPIToken   = "api-token"
)

// Profile is an imagor URL profile as the UI receives it. The secret itself never leaves the
// backend.
type Profile struct {
	ID              string           `json:"id"`
	Name            string           `json:"name"`
	BaseURL         string           `json:"baseUrl"`
	Signer          string           `json:"signer"`
	Truncate        int              `json:"truncate"`
	EscapesNames    bool             `json:"escapesNames"`
	RendersPreviews bool             `json:"rendersPreviews"`
	SecretSet       bool             `json:"secretSet"`
	Libraries       []ProfileLibrary `json:"libraries"`
}

// ProfileLibrary is a library the profile's server serves, under PathPrefix in its storage.
type ProfileLibrary struct {
	Library    string `json:"library"`
	PathPrefix string `json:"pathPrefix"`
}

// ProfileInput is a profile to save. Secret nil keeps the stored secret, "" clears it, and any
// other value replaces it. An empty ID creates a new profile.
type ProfileInput struct {
	ID              string           `json:"id"`
	Name            string           `json:"name"`
	BaseURL         string           `json:"baseUrl"`
	Secret          *string          `json:"secret"`
	Signer          string           `json:"signer"`
	Truncate        int              `json:"truncate"`
	EscapesNames    bool             `json:"escapesNames"`
	RendersPreviews bool             `json:"rendersPreviews"`
	Libraries       []ProfileLibrary `json:"libraries"`
}

// Service reads and writes settings. It is safe for concurrent use.
type Service struct {
	db  *sqlite.DB
	box *secrets.Box
}

// New returns a Service over db whose secrets box is box.
func New(db *sqlite.DB, box *secrets.Box) *Service {
	return &Service{db: db, box: box}
}

// Profiles returns every profile.
func (s *Service) Profiles(ctx context.Context) ([]Profile, error) {
	stored, err := s.db.Profiles(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Profile, 0, len(stored))
	for _, p := range stored {
		out = append(out, toProfile(p))
	}
	return out, nil
}

// SaveProfile checks and stores a profile and returns it as stored.
func (s *Service) SaveProfile(ctx context.Context, in ProfileInput) (Profile, error) {
	if err := validate(in); err != nil {
		return Profile{}, err
	}
	stored := sqlite.Profile{
		ID: in.ID, Name: strings.TrimSpace(in.Name), BaseURL: strings.TrimRight(in.BaseURL, "/"),
		Signer: strings.ToLower(in.Signer), Truncate: in.Truncate, EscapesNames: in.EscapesNames,
		RendersPreviews: in.RendersPreviews,
	}
	if stored.Signer == "" {
		stored.Signer = imageurl.SignerSHA1
	}
	if stored.ID == "" {
		stored.ID = newID()
	} else if old, err := s.db.Profile(ctx, stored.ID); err == nil {
		stored.Secret = old.Secret
	} else if !errors.Is(err, sqlite.ErrNotFound) {
		return Profile{}, err
	}
	for _, l := range in.Libraries {
		stored.Libraries = append(stored.Libraries, sqlite.ProfileLibrary{LibraryID: l.Library, PathPrefix: l.PathPrefix})
	}
	if in.Secret != nil {
		stored.Secret = nil
		if *in.Secret != "" {
			sealed, err := s.box.Seal([]byte(*in.Secret), "profiles", "secret", stored.ID)
			if err != nil {
				return Profile{}, err
			}
			stored.Secret = sealed
		}
	}
	if err := s.db.SaveProfile(ctx, stored); err != nil {
		return Profile{}, err
	}
	return toProfile(stored), nil
}

// DeleteProfile removes a profile.
func (s *Service) DeleteProfile(ctx context.Context, id string) error {
	return s.db.DeleteProfile(ctx, id)
}

// Server returns the imagor server of a profile for a library, with its secret opened, for
// signing URLs in Go. A secret that no longer opens gives secrets.ErrUndecryptable.
func (s *Service) Server(ctx context.Context, profileID, libraryID string) (imageurl.Server, error) {
	p, err := s.db.Profile(ctx, profileID)
	if err != nil {
		return imageurl.Server{}, err
	}
	server := imageurl.Server{
		BaseURL: p.BaseURL, Signer: p.Signer, Truncate: p.Truncate, EscapesNames: p.EscapesNames,
	}
	for _, l := range p.Libraries {
		if l.LibraryID == libraryID {
			server.PathPrefix = l.PathPrefix
		}
	}
	if p.Secret != nil {
		plain, err := s.box.Open(p.Secret, "profiles", "secret", p.ID)
		if err != nil {
			return imageurl.Server{}, fmt.Errorf("profile %q: %w", p.Name, err)
		}
		server.Secret = string(plain)
	}
	return server, nil
}

// AppSecret returns the app's own secret called name, generating a random 256-bit one on first
// use. A stored secret that no longer opens (a lost key) is replaced by a new one, so URLs
// signed with the old one stop working.
func (s *Service) AppSecret(ctx context.Context, name string) (string, error) {
	sealed, err := s.db.AppSecret(ctx, name)
	if err == nil {
		plain, openErr := s.box.Open(sealed, "app_secrets", "value", name)
		if openErr == nil {
			return string(plain), nil
		}
		err = openErr
	}
	if !errors.Is(err, sqlite.ErrNotFound) && !errors.Is(err, secrets.ErrUndecryptable) {
		return "", err
	}
	return s.newAppSecret(ctx, name)
}

func validate(in ProfileInput) error {
	if strings.TrimSpace(in.Name) == "" {
		return fmt.Errorf("%w: the profile needs a name", ErrInvalid)
	}
	u, err := url.Parse(in.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%w: base URL %q: give an http or https URL such as https://img.example.com", ErrInvalid, in.BaseURL)
	}
	switch strings.ToLower(in.Signer) {
	case "", imageurl.SignerSHA1, imageurl.SignerSHA256, imageurl.SignerSHA512:
	default:
		return fmt.Errorf("%w: signer %q: use sha1, sha256 or sha512", ErrInvalid, in.Signer)
	}
	if in.Truncate < 0 {
		return fmt.Errorf("%w: truncate %d: give 0 (no truncation) or a positive length", ErrInvalid, in.Truncate)
	}
	return nil
}

func toProfile(p sqlite.Profile) Profile {
	out := Profile{
		ID: p.ID, Name: p.Name, BaseURL: p.BaseURL, Signer: p.Signer, Truncate: p.Truncate,
		EscapesNames: p.EscapesNames, RendersPreviews: p.RendersPreviews, SecretSet: p.Secret != nil,
		Libraries: []ProfileLibrary{},
	}
	for _, l := range p.Libraries {
		out.Libraries = append(out.Libraries, ProfileLibrary{Library: l.LibraryID, PathPrefix: l.PathPrefix})
	}
	return out
}

func newID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// maxPreferenceBytes bounds one preference value; preferences are small JSON documents.
const maxPreferenceBytes = 64 << 10

// Preferences returns the UI preferences, each a JSON value under its key.
func (s *Service) Preferences(ctx context.Context) (map[string]string, error) {
	return s.db.Preferences(ctx)
}

// SetPreference stores a UI preference. The key is a short name of letters, digits, dots,
// dashes and underscores; the value is JSON text of at most 64 KiB.
func (s *Service) SetPreference(ctx context.Context, key, value string) error {
	if key == "" || len(key) > 64 || strings.Trim(key, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != "" {
		return fmt.Errorf("%w: preference name %q: use up to 64 letters, digits, '.', '-' or '_'", ErrInvalid, key)
	}
	if len(value) > maxPreferenceBytes {
		return fmt.Errorf("%w: preference %s is %d bytes; the limit is %d", ErrInvalid, key, len(value), maxPreferenceBytes)
	}
	if !json.Valid([]byte(value)) {
		return fmt.Errorf("%w: preference %s is not JSON", ErrInvalid, key)
	}
	return s.db.SetPreference(ctx, key, value)
}

// KeySource returns where the secrets key is kept ("keychain" or "file"), and the warning the
// settings page shows when it had to fall back to the file.
func (s *Service) KeySource() (string, string) {
	return s.box.Source, s.box.Warning
}

// RecentFile is a file opened in the viewer or the editor.
type RecentFile = sqlite.RecentFile

// AddRecent records that a file was opened.
func (s *Service) AddRecent(ctx context.Context, libraryID, path string) error {
	return s.db.AddRecent(ctx, libraryID, path)
}

// Recent returns up to limit recently opened files, newest first.
func (s *Service) Recent(ctx context.Context, limit int) ([]RecentFile, error) {
	return s.db.Recent(ctx, limit)
}

// PreviewServer returns the imagor server of the first profile that serves the library and
// renders its previews, with its secret opened and the library's path prefix.
func (s *Service) PreviewServer(ctx context.Context, libraryID string) (imageurl.Server, bool, error) {
	profiles, err := s.db.Profiles(ctx)
	if err != nil {
		return imageurl.Server{}, false, err
	}
	for _, p := range profiles {
		if !p.RendersPreviews {
			continue
		}
		for _, l := range p.Libraries {
			if l.LibraryID == libraryID {
				server, err := s.Server(ctx, p.ID, libraryID)
				return server, err == nil, err
			}
		}
	}
	return imageurl.Server{}, false, nil
}
