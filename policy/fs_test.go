package policy_test

import "io/fs"

func fsWalk(fsys fs.FS, f func(string, []byte)) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err == nil {
			f(p, b)
		}
		return err
	})
}
