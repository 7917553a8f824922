package policy

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/dsrkit/dsrkit/internal/source"
)

// settle is how long a policy must be left alone after a change before
// Watch reloads it: an editor or a deployment writes several files, and
// each save fires several events.
const settle = 100 * time.Millisecond

// A Watcher reloads an engine's policy when its files change; see Watch.
type Watcher struct {
	fw        *fsnotify.Watcher
	eng       *Engine
	path      string
	dir       bool            // path is a directory; else a bundle file
	dirs      map[string]bool // the directories watched; used by the loop's goroutine only (after Watch returns)
	onReload  func(error)
	cancel    context.CancelFunc
	done      chan struct{}
	closeOnce sync.Once
	closeErr  error
}

// Watch reloads eng from path — a policy directory (with its
// subdirectories) or a bundle file, as WithDir takes it — whenever a policy
// file under it is created, written, renamed or removed, until ctx ends or
// Close is called. Each reload is eng.Reload(ctx, WithDir(path)): the new
// policy is compiled and its Rego tests run off to the side, and a policy
// that fails is never served — the engine keeps the one it had.
//
// Changes are gathered until the files have been left alone for a moment
// (100 ms), so saving several files gives one reload. Editors' backup and
// swap files are ignored; a bundle file is watched through its directory,
// so replacing it by a rename (the safe way to publish one) is seen.
//
// Watch does not reload at start: create eng from the same path (New(ctx,
// WithDir(path))). onReload, if not nil, is called after every reload with
// its result — nil when the new policy is served, else the *PolicyError —
// and with any error of the file watcher itself; calls come one at a time,
// from the Watcher's goroutine, which waits for each (so it should not
// block). The watcher's resources are released when ctx ends or Close is
// called, whichever comes first.
func Watch(ctx context.Context, eng *Engine, path string, onReload func(error)) (*Watcher, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{fw: fw, eng: eng, path: filepath.Clean(path), dir: info.IsDir(), dirs: map[string]bool{}, onReload: onReload, done: make(chan struct{})}
	if w.dir {
		err = w.addTree(w.path)
	} else {
		err = fw.Add(filepath.Dir(w.path))
	}
	if err != nil {
		fw.Close()
		return nil, fmt.Errorf("watching %s: %w", path, err)
	}
	ctx, w.cancel = context.WithCancel(ctx)
	go w.loop(ctx)
	return w, nil
}

// Close stops watching, waits until a reload in progress (and its
// onReload call) has finished, and releases the file watcher. It is safe to
// call more than once, from any goroutine, also after ctx has ended.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() {
		w.cancel()
		<-w.done
	})
	return w.closeErr
}

// addTree watches a directory and every directory under it.
func (w *Watcher) addTree(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if err := w.fw.Add(p); err != nil {
			return err
		}
		w.dirs[filepath.Clean(p)] = true
		return nil
	})
}

func (w *Watcher) loop(ctx context.Context) {
	defer func() {
		w.closeErr = w.fw.Close()
		close(w.done)
	}()
	timer := time.NewTimer(settle)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if w.relevant(ev) {
				timer.Reset(settle)
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			w.report(fmt.Errorf("watching %s: %w", w.path, err))
		case <-timer.C:
			err := w.eng.Reload(ctx, WithDir(w.path))
			if ctx.Err() != nil {
				return
			}
			w.report(err)
		}
	}
}

// relevant reports whether an event may change the policy; a new directory
// under a watched policy directory is watched from now on.
func (w *Watcher) relevant(ev fsnotify.Event) bool {
	name := filepath.Clean(ev.Name)
	if !w.dir {
		return name == w.path && ev.Op != fsnotify.Chmod
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(name); err == nil && info.IsDir() {
			if err := w.addTree(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
				w.report(fmt.Errorf("watching %s: %w", name, err))
			}
			return true
		}
	}
	if ev.Op == fsnotify.Chmod {
		return false
	}
	if (ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)) && w.dirs[name] {
		// A directory removed or renamed takes its files with it (and
		// fsnotify its watch); a directory renamed into place is a Create.
		for d := range w.dirs {
			if d == name || strings.HasPrefix(d, name+string(filepath.Separator)) {
				delete(w.dirs, d)
			}
		}
		return true
	}
	return source.IsPolicyFile(filepath.ToSlash(name))
}

func (w *Watcher) report(err error) {
	if w.onReload != nil {
		w.onReload(err)
	}
}
