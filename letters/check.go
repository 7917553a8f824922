package letters

import (
	"fmt"
	"text/template/parse"
)

// checker walks a template's parse tree with the shape of its data and
// reports every field the data cannot have: in every branch (if, else,
// with, range), in every template it calls, not only in those a sample
// would reach.
type checker struct {
	lookup   func(name string) *parse.Tree // a template of the set by name
	problems []Problem
	seen     map[visit]bool
}

type visit struct {
	name string
	dot  *shape
}

// vars are the template variables in scope and their shapes.
type vars map[string]*shape

func (v vars) clone() vars {
	out := make(vars, len(v))
	for k, s := range v {
		out[k] = s
	}
	return out
}

// anything is the shape of a value the checker cannot see into.
var anything = &shape{name: "value", kind: open}

// check walks one template's tree with dot (and $) of shape dot.
func (c *checker) check(t *parse.Tree, dot *shape) {
	key := visit{t.ParseName + "\x00" + t.Name, dot}
	if c.seen[key] || t.Root == nil {
		return
	}
	c.seen[key] = true
	c.list(t, t.Root, dot, vars{"$": dot})
}

func (c *checker) fail(t *parse.Tree, n parse.Node, format string, a ...any) {
	loc, _ := t.ErrorContext(n)
	c.problems = append(c.problems, Problem{Location: loc, Message: fmt.Sprintf(format, a...)})
}

func (c *checker) list(t *parse.Tree, l *parse.ListNode, dot *shape, vs vars) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		c.node(t, n, dot, vs)
	}
}

func (c *checker) node(t *parse.Tree, n parse.Node, dot *shape, vs vars) {
	switch n := n.(type) {
	case *parse.ActionNode:
		c.pipe(t, n.Pipe, dot, vs, true)
	case *parse.IfNode:
		inner := vs.clone()
		c.pipe(t, n.Pipe, dot, inner, true)
		c.list(t, n.List, dot, inner)
		c.list(t, n.ElseList, dot, inner)
	case *parse.WithNode:
		inner := vs.clone()
		s := c.pipe(t, n.Pipe, dot, inner, true)
		c.list(t, n.List, s, inner)
		c.list(t, n.ElseList, dot, inner)
	case *parse.RangeNode:
		inner := vs.clone()
		s := c.pipe(t, n.Pipe, dot, inner, false)
		var elem *shape
		switch s.kind {
		case list, dict:
			elem = s.elem
		case open:
			elem = anything
		default:
			c.fail(t, n, "range over %s, which is %s, not a list", s.name, s)
			elem = anything
		}
		switch len(n.Pipe.Decl) {
		case 1:
			inner[n.Pipe.Decl[0].Ident[0]] = elem
		case 2:
			inner[n.Pipe.Decl[0].Ident[0]] = &shape{name: "the index"}
			inner[n.Pipe.Decl[1].Ident[0]] = elem
		}
		c.list(t, n.List, elem, inner)
		c.list(t, n.ElseList, dot, inner)
	case *parse.TemplateNode:
		arg := &shape{name: "nothing"}
		if n.Pipe != nil {
			arg = c.pipe(t, n.Pipe, dot, vs, true)
		}
		called := c.lookup(n.Name)
		if called == nil {
			c.fail(t, n, "no template named %q", n.Name)
			return
		}
		c.check(called, arg)
	case *parse.ListNode:
		c.list(t, n, dot, vs)
	}
}

// pipe gives the shape of a pipeline's value; with declare, it binds the
// variables the pipeline declares.
func (c *checker) pipe(t *parse.Tree, p *parse.PipeNode, dot *shape, vs vars, declare bool) *shape {
	if p == nil {
		return dot
	}
	var s *shape
	for _, cmd := range p.Cmds {
		s = c.command(t, cmd, dot, vs, s)
	}
	if s == nil {
		s = anything
	}
	if declare {
		for _, v := range p.Decl {
			vs[v.Ident[0]] = s
		}
	}
	return s
}

// command gives the shape of one command; piped is the value piped into
// it (nil for the first command).
func (c *checker) command(t *parse.Tree, cmd *parse.CommandNode, dot *shape, vs vars, piped *shape) *shape {
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		args := make([]*shape, 0, len(cmd.Args))
		for _, a := range cmd.Args[1:] {
			args = append(args, c.arg(t, a, dot, vs))
		}
		if piped != nil {
			args = append(args, piped)
		}
		return c.call(t, id, args)
	}
	return c.arg(t, cmd.Args[0], dot, vs)
}

// arg gives the shape of one operand.
func (c *checker) arg(t *parse.Tree, n parse.Node, dot *shape, vs vars) *shape {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return c.field(t, n, dot, n.Ident)
	case *parse.VariableNode:
		s, ok := vs[n.Ident[0]]
		if !ok {
			return anything // the parser reports undefined variables
		}
		return c.field(t, n, s, n.Ident[1:])
	case *parse.ChainNode:
		return c.field(t, n, c.arg(t, n.Node, dot, vs), n.Field)
	case *parse.PipeNode:
		return c.pipe(t, n, dot, vs, true)
	case *parse.IdentifierNode:
		return c.call(t, n, nil)
	}
	return &shape{name: "a constant"}
}

// field follows a chain of field names from s.
func (c *checker) field(t *parse.Tree, n parse.Node, s *shape, names []string) *shape {
	for _, name := range names {
		switch s.kind {
		case open:
			return anything
		case object:
			f, ok := s.fields[name]
			if !ok {
				c.fail(t, n, "%s has no field %q (its fields: %s)", s.name, name, s.fieldNames())
				return anything
			}
			s = f
		case dict:
			s = s.elem
		default:
			c.fail(t, n, "%s is %s: it has no field %q", s.name, s, name)
			return anything
		}
	}
	return s
}

// call gives the shape of a function's result.
func (c *checker) call(t *parse.Tree, id *parse.IdentifierNode, args []*shape) *shape {
	shapes, _ := contractShapes() // loaded before any check
	notices := shapes["decision"].fields["notices"]
	timeline := shapes["decision"].fields["timeline"]
	switch id.Ident {
	case "notice":
		return notices.elem
	case "notices":
		return notices
	case "timeline":
		return timeline.elem
	case "index":
		if len(args) == 0 {
			return anything
		}
		s := args[0]
		for range args[1:] {
			switch s.kind {
			case list, dict:
				s = s.elem
			case open:
				return anything
			default:
				c.fail(t, id, "index of %s, which is %s", s.name, s)
				return anything
			}
		}
		return s
	case "slice":
		if len(args) > 0 {
			return args[0]
		}
	case "and", "or", "call":
		return anything
	}
	return &shape{name: "the result of " + id.Ident}
}
