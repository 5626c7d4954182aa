package watch

// KernelWatches returns the paths fsnotify watches, so tests can check that none is left.
func KernelWatches(w *Watcher) []string {
	var paths []string
	_ = w.do(func() { paths = w.fsw.WatchList() })
	return paths
}

// Hold blocks the watcher's goroutine until the returned function is called, so events pile up
// in the kernel's queue as they do behind a slow consumer, until it overflows.
func Hold(w *Watcher) (release func()) {
	held, done := make(chan struct{}), make(chan struct{})
	go func() {
		_ = w.do(func() {
			close(held)
			<-done
		})
	}()
	<-held
	return func() { close(done) }
}
