package api

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/imagor-studio/desktop/backend/api/model"
)

// SaveProfile is the resolver for the saveProfile field.
func (r *mutationResolver) SaveProfile(ctx context.Context, input model.ProfileInput) (*model.Profile, error) {
	p, err := r.svc.Settings.SaveProfile(ctx, profileInput(input))
	r.forgetRemote()
	if err != nil {
		return nil, apiError(err, "")
	}
	return toProfile(p), nil
}

// DeleteProfile is the resolver for the deleteProfile field.
func (r *mutationResolver) DeleteProfile(ctx context.Context, id string) (string, error) {
	err := r.svc.Settings.DeleteProfile(ctx, id)
	r.forgetRemote()
	if err != nil {
		return "", apiError(err, "")
	}
	return id, nil
}

// SetPreference is the resolver for the setPreference field.
func (r *mutationResolver) SetPreference(ctx context.Context, name string, value any) (any, error) {
	// api.enabled and api.port are the window's API switch, which SetAPIPreferences validates.
	if strings.HasPrefix(name, apiPreferencePrefix) {
		return nil, apiError(invalidf("preference %q is a setting of the API server itself: change it in Settings → API", name), "")
	}
	data, err := json.Marshal(value)
	if err != nil {
		return nil, apiError(invalidf("preference %s: %v", name, err), "")
	}
	if err := r.svc.Settings.SetPreference(ctx, name, string(data)); err != nil {
		return nil, apiError(err, "")
	}
	return json.RawMessage(data), nil
}

// Server is the resolver for the server field.
func (r *queryResolver) Server(ctx context.Context) (*model.ServerInfo, error) {
	return &model.ServerInfo{URL: baseURL(ctx), Unsafe: r.srv.cfg.Unsafe}, nil
}
