package app

import (
	"context"
	"errors"

	wailsruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/imagor-studio/desktop/backend/api"
)

// API is bound to the frontend: the settings page's switch, port and token of the loopback
// GraphQL API.
type API struct {
	app *App
}

// errNoAPI is returned where the app runs without an API switch (tests).
var errNoAPI = errors.New("the API server is not part of this run")

// SetAPI gives the app the switch of its API server.
func (a *App) SetAPI(s *api.Switch) {
	a.mu.Lock()
	a.api = s
	a.mu.Unlock()
}

func (a *App) apiSwitch() (*api.Switch, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.api == nil {
		return nil, errNoAPI
	}
	return a.api, nil
}

// Status returns whether the API runs, its URL and its token.
func (x *API) Status() (api.Status, error) {
	return x.call((*api.Switch).Status)
}

// SetEnabled turns the API on or off and remembers the choice.
func (x *API) SetEnabled(enabled bool) (api.Status, error) {
	return x.call(func(s *api.Switch, ctx context.Context) (api.Status, error) {
		return s.SetEnabled(ctx, enabled)
	})
}

// SetPort changes the API's loopback port, 1024 to 65535, and moves a running server there.
func (x *API) SetPort(port int) (api.Status, error) {
	return x.call(func(s *api.Switch, ctx context.Context) (api.Status, error) {
		return s.SetPort(ctx, port)
	})
}

// RotateToken replaces the API token, so scripts holding the old one get 401 from then on.
func (x *API) RotateToken() (api.Status, error) {
	return x.call((*api.Switch).RotateToken)
}

// call runs method on the app's API switch and turns its error into a message for the user.
func (x *API) call(method func(*api.Switch, context.Context) (api.Status, error)) (api.Status, error) {
	s, err := x.app.apiSwitch()
	if err != nil {
		return api.Status{}, err
	}
	status, err := method(s, x.app.context())
	return status, userError(err)
}

// EventLibrariesChanged is the event the frontend receives when the libraries change outside
// its own calls, for example through the GraphQL API; it has no payload.
const EventLibrariesChanged = "libraries-changed"

// LibrariesChanged sends EventLibrariesChanged to the window, so the sidebar lists the libraries
// again.
// It does nothing before the window starts or after it closes.
func (a *App) LibrariesChanged() {
	a.mu.Lock()
	ctx, running := a.ctx, a.running
	a.mu.Unlock()
	if running {
		wailsruntime.EventsEmit(ctx, EventLibrariesChanged)
	}
}
