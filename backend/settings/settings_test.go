package settings_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/settings"
	"github.com/imagor-studio/desktop/backend/sqlite"
)

type fixture struct {
	dir string
	db  *sqlite.DB
	svc *settings.Service
}

// open opens the settings of dir, as the app does at start.
func open(t *testing.T, dir string) fixture {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(dir, "config.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	box, err := secrets.OpenBox(context.Background(), secrets.Options{Mode: secrets.ModeFile, DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SaveLibrary(context.Background(), sqlite.Library{ID: "lib1", Kind: sqlite.KindFolder, Name: "p", Path: "/p"}); err != nil {
		t.Fatal(err)
	}
	return fixture{dir: dir, db: db, svc: settings.New(db, box)}
}

func ptr(s string) *string { return &s }

func TestService_SaveProfile(t *testing.T) {
	ctx := context.Background()
	f := open(t, t.TempDir())
	saved, err := f.svc.SaveProfile(ctx, settings.ProfileInput{
		Name: "prod", BaseURL: "https://img.example.com/", Secret: ptr("correct horse battery"),
		Signer: "SHA256", Truncate: 40, EscapesNames: true,
		Libraries: []settings.ProfileLibrary{{Library: "lib1", PathPrefix: "photos/2026/"}},
	})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("OK", func(t *testing.T) {
		if !saved.SecretSet || saved.BaseURL != "https://img.example.com" || saved.Signer != "sha256" {
			t.Errorf("saved=%+v", saved)
		}
		server, err := f.svc.Server(ctx, saved.ID, "lib1")
		if err != nil {
			t.Fatal(err)
		}
		if server.Secret != "correct horse battery" || server.PathPrefix != "photos/2026/" || server.Truncate != 40 {
			t.Errorf("server=%+v", server)
		}
	})

	t.Run("KeepSecret", func(t *testing.T) {
		if _, err := f.svc.SaveProfile(ctx, settings.ProfileInput{ID: saved.ID, Name: "renamed", BaseURL: "https://img.example.com"}); err != nil {
			t.Fatal(err)
		}
		server, err := f.svc.Server(ctx, saved.ID, "lib1")
		if err != nil {
			t.Fatal(err)
		}
		if server.Secret != "correct horse battery" {
			t.Errorf("secret=%q after a save without one, want it kept", server.Secret)
		}
	})

	t.Run("ClearSecret", func(t *testing.T) {
		p, err := f.svc.SaveProfile(ctx, settings.ProfileInput{ID: saved.ID, Name: "renamed", BaseURL: "https://img.example.com", Secret: ptr("")})
		if err != nil {
			t.Fatal(err)
		}
		if p.SecretSet {
			t.Error("SecretSet after clearing")
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		for _, in := range []settings.ProfileInput{
			{Name: "", BaseURL: "https://x"},
			{Name: "a", BaseURL: "img.example.com"},
			{Name: "a", BaseURL: "https://x", Signer: "md5"},
			{Name: "a", BaseURL: "https://x", Truncate: -1},
		} {
			if _, err := f.svc.SaveProfile(ctx, in); !errors.Is(err, settings.ErrInvalid) {
				t.Errorf("SaveProfile(%+v): err=%v, want ErrInvalid", in, err)
			}
		}
	})
}

// TestService_NoSecretOnDisk saves a profile secret and the app's own secret, closes the
// database, and searches every file of the data folder for them in clear, base64 and hex.
func TestService_NoSecretOnDisk(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	f := open(t, dir)
	const profileSecret = "profile-secret-4f9a1c"
	p, err := f.svc.SaveProfile(ctx, settings.ProfileInput{Name: "prod", BaseURL: "https://img.example.com", Secret: ptr(profileSecret)})
	if err != nil {
		t.Fatal(err)
	}
	appSecret, err := f.svc.AppSecret(ctx, settings.SecretURLSigning)
	if err != nil {
		t.Fatal(err)
	}
	url1, _, err := mustServer(t, f, p.ID).URL("fit-in/100x100", "a.jpg")
	if err != nil {
		t.Fatal(err)
	}

	var forms [][]byte
	for _, s := range []string{profileSecret, appSecret} {
		forms = append(forms, []byte(s), []byte(base64.StdEncoding.EncodeToString([]byte(s))),
			[]byte(base64.RawURLEncoding.EncodeToString([]byte(s))), []byte(hex.EncodeToString([]byte(s))))
	}
	err = filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, form := range forms {
			if bytes.Contains(data, form) {
				t.Errorf("%s contains a secret (%q)", filepath.Base(path), form)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// After a restart the same URL comes out, and the app secret is the same.
	f.db.Close()
	g := open(t, dir)
	url2, _, err := mustServer(t, g, p.ID).URL("fit-in/100x100", "a.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if url1 != url2 {
		t.Errorf("signed URL changed across a restart: %s != %s", url1, url2)
	}
	again, err := g.svc.AppSecret(ctx, settings.SecretURLSigning)
	if err != nil || again != appSecret {
		t.Errorf("app secret after restart: %v, changed=%v", err, again != appSecret)
	}
}

// TestService_LostKey replaces the key file, as a lost keychain would, and checks that the
// profile reports the secret as undecryptable instead of failing the app.
func TestService_LostKey(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	f := open(t, dir)
	p, err := f.svc.SaveProfile(ctx, settings.ProfileInput{Name: "prod", BaseURL: "https://img.example.com", Secret: ptr("x")})
	if err != nil {
		t.Fatal(err)
	}
	f.db.Close()
	if err := os.Remove(filepath.Join(dir, "secret.key")); err != nil {
		t.Fatal(err)
	}
	g := open(t, dir)
	if _, err := g.svc.Server(ctx, p.ID, "lib1"); !errors.Is(err, secrets.ErrUndecryptable) {
		t.Errorf("err=%v, want ErrUndecryptable", err)
	}
	profiles, err := g.svc.Profiles(ctx)
	if err != nil || len(profiles) != 1 {
		t.Fatalf("profiles after losing the key: %v, %v", profiles, err)
	}
	if _, err := g.svc.SaveProfile(ctx, settings.ProfileInput{ID: p.ID, Name: "prod", BaseURL: "https://img.example.com", Secret: ptr("new")}); err != nil {
		t.Fatal(err)
	}
	if server, err := g.svc.Server(ctx, p.ID, "lib1"); err != nil || server.Secret != "new" {
		t.Errorf("after re-entering: %q, %v", server.Secret, err)
	}
}

func mustServer(t *testing.T, f fixture, id string) imageurl.Server {
	t.Helper()
	s, err := f.svc.Server(context.Background(), id, "lib1")
	if err != nil {
		t.Fatal(err)
	}
	return s
}
