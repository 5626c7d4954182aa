package app

import (
	"github.com/imagor-studio/desktop/backend/remote"
	"github.com/imagor-studio/desktop/backend/settings"
)

// Settings is bound to the frontend: imagor profiles, UI preferences and the about box.
type Settings struct {
	app *App
}

// KeyStatus tells the settings page where the secrets key is kept.
type KeyStatus struct {
	Source  string `json:"source"`  // keychain or file
	Warning string `json:"warning"` // set when the keychain was not available
}

// About lists the versions shown in the about section.
type About struct {
	App      string `json:"app"`
	Imagor   string `json:"imagor"`
	Vips     string `json:"vips"`
	Go       string `json:"go"`
	Platform string `json:"platform"`
	Error    string `json:"error"` // set when the engine could not be asked
}

// Preferences returns the stored UI preferences, each a JSON value.
func (s *Settings) Preferences() (map[string]string, error) {
	prefs, err := s.app.svc.Settings.Preferences(s.app.context())
	return prefs, userError(err)
}

// SetPreference stores one UI preference; value is JSON.
func (s *Settings) SetPreference(key, value string) error {
	return userError(s.app.svc.Settings.SetPreference(s.app.context(), key, value))
}

// Profiles returns the imagor URL profiles. Secrets are reported as set or not, never returned.
func (s *Settings) Profiles() ([]settings.Profile, error) {
	profiles, err := s.app.svc.Settings.Profiles(s.app.context())
	return profiles, userError(err)
}

// SaveProfile creates or updates an imagor URL profile. A profile that renders previews is
// checked again on the next request.
func (s *Settings) SaveProfile(in settings.ProfileInput) (settings.Profile, error) {
	p, err := s.app.svc.Settings.SaveProfile(s.app.context(), in)
	s.app.forgetRemote()
	return p, userError(err)
}

// DeleteProfile removes an imagor URL profile.
func (s *Settings) DeleteProfile(id string) error {
	err := s.app.svc.Settings.DeleteProfile(s.app.context(), id)
	s.app.forgetRemote()
	return userError(err)
}

// RemoteStatus reports, for each library whose previews a profile renders on its own server,
// whether that server works or why the local engine renders instead.
func (s *Settings) RemoteStatus() []remote.Status {
	s.app.mu.Lock()
	router := s.app.remote
	s.app.mu.Unlock()
	if router == nil {
		return []remote.Status{}
	}
	return router.Statuses()
}

// KeyStatus reports where the secrets key is kept.
func (s *Settings) KeyStatus() KeyStatus {
	source, warning := s.app.svc.Settings.KeySource()
	return KeyStatus{Source: source, Warning: warning}
}

// About returns the versions of the app, imagor and libvips.
func (s *Settings) About() About {
	v, err := s.app.svc.Engine.About(s.app.context())
	about := About{App: v.App, Imagor: v.Imagor, Vips: v.Vips, Go: v.Go, Platform: v.Platform}
	if err != nil {
		about.Error = userMessage(err)
	}
	return about
}
