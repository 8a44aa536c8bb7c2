package lexicon

import (
	"fmt"
	"sort"
)

// Pos is where a record was read from: a file path relative to the loaded
// directory (or "data/…" for the embedded defaults) and a 1-based line.
// The zero Pos means the record was built in Go, not read from a file.
type Pos struct {
	File string
	Line int
}

// String returns "file:line", or "" for the zero Pos.
func (p Pos) String() string {
	if p.File == "" {
		return ""
	}
	if p.Line <= 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Error is one problem in a lexicon file.
type Error struct {
	File string
	Line int // 1-based; 0 when the problem concerns the whole file
	Msg  string
}

// Error returns "file:line: message".
func (e *Error) Error() string {
	p := Pos{e.File, e.Line}.String()
	if p == "" {
		return e.Msg
	}
	return p + ": " + e.Msg
}

// ErrorList is a list of problems, in the style of go/scanner.ErrorList.
// The zero value is an empty list ready to use.
type ErrorList []*Error

// Add appends a problem at pos.
func (l *ErrorList) Add(pos Pos, msg string) {
	*l = append(*l, &Error{File: pos.File, Line: pos.Line, Msg: msg})
}

// Len, Swap and Less implement sort.Interface: by file, then line, then message.
func (l ErrorList) Len() int      { return len(l) }
func (l ErrorList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l ErrorList) Less(i, j int) bool {
	a, b := l[i], l[j]
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Msg < b.Msg
}

// Sort sorts the list by position.
func (l ErrorList) Sort() { sort.Sort(l) }

// RemoveMultiples sorts the list and removes exact repeats.
func (l *ErrorList) RemoveMultiples() {
	l.Sort()
	out := (*l)[:0]
	var last *Error
	for _, e := range *l {
		if last == nil || *e != *last {
			out = append(out, e)
		}
		last = e
	}
	*l = out
}

// Error returns the first problem and a count of the others.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns nil when the list is empty, else the list itself, sorted.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}
