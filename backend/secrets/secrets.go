// Package secrets seals the values the app must keep secret (imagor profile secrets, S3 keys,
// the API token, the app's own URL signing secret) with AES-256-GCM under one random data key.
// The data key lives in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret
// Service on Linux) or, when there is none, in a 0600 file in the data folder.
package secrets

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
)

// Errors returned by Box.
var (
	// ErrUndecryptable means a sealed value does not open under the current key: the key was
	// replaced (a reset keychain, another machine) or the stored bytes were altered. The value
	// must be entered again.
	ErrUndecryptable = errors.New("stored secret cannot be decrypted: the key changed or the value was altered; enter it again")
	ErrNoKeychain    = errors.New("no OS keychain available")
)

const (
	keySize   = 32
	idSize    = 16
	nonceSize = 12
	// format is the first byte of every sealed value, so a later format can be recognised.
	format byte = 1
)

// Box seals and opens values under one data key. It is safe for concurrent use.
type Box struct {
	aead cipher.AEAD
	// Source is where the key came from: "keychain" or "file".
	Source string
	// Warning is set when the key could not go to the keychain; the settings page shows it.
	Warning string
}

// newBox returns a Box over a 32-byte key.
func newBox(key []byte, source, warning string) (*Box, error) {
	if len(key) != keySize {
		return nil, fmt.Errorf("data key has %d bytes, want %d", len(key), keySize)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("data key: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("data key: %w", err)
	}
	return &Box{aead: aead, Source: source, Warning: warning}, nil
}

// Seal encrypts plain for the cell (table, column, row). The result holds a format byte, a
// random value id, the nonce and the ciphertext; the id, table, column and row are the
// additional data, so a sealed value copied into another cell does not open there.
func (b *Box) Seal(plain []byte, table, column, row string) ([]byte, error) {
	out := make([]byte, 1+idSize+nonceSize, 1+idSize+nonceSize+len(plain)+b.aead.Overhead())
	out[0] = format
	if _, err := rand.Read(out[1:]); err != nil {
		return nil, fmt.Errorf("seal secret: %w", err)
	}
	id, nonce := out[1:1+idSize], out[1+idSize:]
	return b.aead.Seal(out, nonce, plain, additionalData(id, table, column, row)), nil
}

// Open decrypts a value sealed for the cell (table, column, row). It returns ErrUndecryptable
// for a value sealed under another key, for another cell, or altered in any byte.
func (b *Box) Open(sealed []byte, table, column, row string) ([]byte, error) {
	if len(sealed) < 1+idSize+nonceSize+b.aead.Overhead() || sealed[0] != format {
		return nil, ErrUndecryptable
	}
	id := sealed[1 : 1+idSize]
	nonce := sealed[1+idSize : 1+idSize+nonceSize]
	plain, err := b.aead.Open(nil, nonce, sealed[1+idSize+nonceSize:], additionalData(id, table, column, row))
	if err != nil {
		return nil, ErrUndecryptable
	}
	return plain, nil
}

// additionalData joins the value id and the cell's names with NUL bytes, which none of them
// contains, so two different cells never give the same bytes.
func additionalData(id []byte, table, column, row string) []byte {
	ad := make([]byte, 0, len(id)+len(table)+len(column)+len(row)+3)
	ad = append(ad, id...)
	for _, s := range []string{table, column, row} {
		ad = append(ad, 0)
		ad = append(ad, s...)
	}
	return ad
}
