//go:build windows

package trash

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
	"unsafe"
)

// shFileOpStruct is SHFILEOPSTRUCTW of shellapi.h, with 64-bit alignment.
type shFileOpStruct struct {
	hwnd                  uintptr
	wFunc                 uint32
	pFrom                 *uint16
	pTo                   *uint16
	fFlags                uint16
	fAnyOperationsAborted int32
	hNameMappings         uintptr
	lpszProgressTitle     *uint16
}

// Constants of shellapi.h.
const (
	foDelete          = 0x3
	fofSilent         = 0x4
	fofNoConfirmation = 0x10
	fofAllowUndo      = 0x40
	fofNoErrorUI      = 0x400
)

var shFileOperation = syscall.NewLazyDLL("shell32.dll").NewProc("SHFileOperationW")

// Put moves the entry name of the folder dirPath to the Recycle Bin through SHFileOperationW
// with FOF_ALLOWUNDO. The handle dir is not used on Windows.
//
// NOTE: this path compiles but has never run; only the Linux trash is tested.
func Put(dir *os.File, dirPath, name string) (Item, error) {
	if err := checkName(name); err != nil {
		return Item{}, err
	}
	original := filepath.Join(dirPath, name)
	if _, err := os.Lstat(original); err != nil {
		return Item{}, fmt.Errorf("trash %q: %w", original, err)
	}
	// pFrom is a list of paths, each ended by a NUL, and the list by one more.
	from, err := syscall.UTF16FromString(original)
	if err != nil {
		return Item{}, fmt.Errorf("trash %q: %w", original, err)
	}
	from = append(from, 0)
	op := shFileOpStruct{
		wFunc:  foDelete,
		pFrom:  &from[0],
		fFlags: fofAllowUndo | fofNoConfirmation | fofSilent | fofNoErrorUI,
	}
	code, _, _ := shFileOperation.Call(uintptr(unsafe.Pointer(&op)))
	if code != 0 {
		return Item{}, fmt.Errorf("trash %q: the Recycle Bin returned error 0x%x", original, code)
	}
	if op.fAnyOperationsAborted != 0 {
		return Item{}, fmt.Errorf("trash %q: the move to the Recycle Bin was cancelled", original)
	}
	return Item{Original: original, Deleted: time.Now()}, nil
}

// Restore is not supported on Windows: restore the file from the Recycle Bin in Explorer.
func Restore(item Item, dir *os.File, name string) error {
	return fmt.Errorf("restore %q: %w: restore it from the Recycle Bin", item.Original, ErrUnsupported)
}
