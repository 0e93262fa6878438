package dev.snowpulse.workload.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * pgbench's expression grammar with its precedence, lowest first: OR, AND, NOT, IS [NOT] NULL/TRUE/FALSE and
 * ISNULL/NOTNULL, comparisons (not chained), the bitwise operators {@code | # & << >>} and prefix {@code ~} (one
 * level, as pgbench's grammar has them), {@code + -}, {@code * / %}, then unary {@code + -}. A problem is a
 * {@link ParseProblem} with the 0-based offset in the text where it was found.
 */
final class ExprParser {

    static final class ParseProblem extends RuntimeException {
        final int offset;

        ParseProblem(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private enum Kind { INT, DOUBLE, VARIABLE, WORD, OP, END }

    private record Token(Kind kind, String text, int offset) {
        boolean is(String s) {
            return (kind == Kind.OP && text.equals(s)) || (kind == Kind.WORD && text.equalsIgnoreCase(s));
        }
    }

    private final List<Token> tokens;
    private int at;

    private ExprParser(String text) {
        this.tokens = tokenize(text);
    }

    static Expr parse(String text) {
        ExprParser parser = new ExprParser(text);
        if (parser.peek().kind == Kind.END) {
            throw new ParseProblem(0, "an expression is expected");
        }
        Expr e = parser.or();
        Token rest = parser.peek();
        if (rest.kind != Kind.END) {
            throw new ParseProblem(rest.offset, "syntax error at '" + rest.text + "'");
        }
        return e;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        return tokens.get(at++);
    }

    private boolean accept(String s) {
        if (peek().is(s)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!accept(s)) {
            Token t = peek();
            throw new ParseProblem(t.offset, "'" + s + "' expected" + (t.kind == Kind.END ? " at the end" : " at '" + t.text + "'"));
        }
    }

    private static Expr call(Function f, Expr... args) {
        return new Expr.Call(f, List.of(args));
    }

    private Expr or() {
        Expr e = and();
        while (accept("or")) {
            e = call(Function.OR, e, and());
        }
        return e;
    }

    private Expr and() {
        Expr e = not();
        while (accept("and")) {
            e = call(Function.AND, e, not());
        }
        return e;
    }

    private Expr not() {
        if (accept("not")) {
            return call(Function.NOT, not());
        }
        return is();
    }

    private Expr is() {
        Expr e = comparison();
        if (accept("isnull")) {
            return call(Function.IS, e, new Expr.Constant(Value.NULL));
        }
        if (accept("notnull")) {
            return call(Function.NOT, call(Function.IS, e, new Expr.Constant(Value.NULL)));
        }
        if (accept("is")) {
            boolean negated = accept("not");
            Token t = next();
            Value against;
            if (t.is("null")) {
                against = Value.NULL;
            } else if (t.is("true")) {
                against = Value.TRUE;
            } else if (t.is("false")) {
                against = Value.FALSE;
            } else {
                throw new ParseProblem(t.offset, "NULL, TRUE or FALSE expected after IS");
            }
            Expr test = call(Function.IS, e, new Expr.Constant(against));
            return negated ? call(Function.NOT, test) : test;
        }
        return e;
    }

    private Expr comparison() {
        Expr left = bitwise();
        Token t = peek();
        if (t.kind != Kind.OP) {
            return left;
        }
        Expr result = switch (t.text) {
            case "=" -> { at++; yield call(Function.EQ, left, bitwise()); }
            case "<>", "!=" -> { at++; yield call(Function.NE, left, bitwise()); }
            case "<" -> { at++; yield call(Function.LT, left, bitwise()); }
            case "<=" -> { at++; yield call(Function.LE, left, bitwise()); }
            case ">" -> { at++; yield call(Function.LT, bitwise(), left); }
            case ">=" -> { at++; yield call(Function.LE, bitwise(), left); }
            default -> null;
        };
        if (result == null) {
            return left;
        }
        Token after = peek();
        if (after.kind == Kind.OP && List.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(after.text)) {
            throw new ParseProblem(after.offset, "comparisons do not chain: put one side in parentheses");
        }
        return result;
    }

    private Expr bitwise() {
        Expr e = bitwiseOperand();
        while (true) {
            Token t = peek();
            Function f = t.kind != Kind.OP ? null : switch (t.text) {
                case "&" -> Function.BITAND;
                case "|" -> Function.BITOR;
                case "#" -> Function.BITXOR;
                case "<<" -> Function.LSHIFT;
                case ">>" -> Function.RSHIFT;
                default -> null;
            };
            if (f == null) {
                return e;
            }
            at++;
            e = call(f, e, bitwiseOperand());
        }
    }

    // "~x" is x xor all ones, at the bitwise operators' level: ~5 + 1 is ~(5 + 1)
    private Expr bitwiseOperand() {
        if (accept("~")) {
            return call(Function.BITXOR, new Expr.Constant(Value.of(~0L)), bitwiseOperand());
        }
        return additive();
    }

    private Expr additive() {
        Expr e = multiplicative();
        while (true) {
            if (accept("+")) {
                e = call(Function.ADD, e, multiplicative());
            } else if (accept("-")) {
                e = call(Function.SUB, e, multiplicative());
            } else {
                return e;
            }
        }
    }

    private Expr multiplicative() {
        Expr e = unary();
        while (true) {
            if (accept("*")) {
                e = call(Function.MUL, e, unary());
            } else if (accept("/")) {
                e = call(Function.DIV, e, unary());
            } else if (accept("%")) {
                e = call(Function.MOD, e, unary());
            } else {
                return e;
            }
        }
    }

    private Expr unary() {
        if (accept("+")) {
            return unary();
        }
        if (accept("-")) {
            return call(Function.SUB, new Expr.Constant(Value.of(0L)), unary());
        }
        return primary();
    }

    private Expr primary() {
        Token t = next();
        switch (t.kind) {
            case INT -> {
                try {
                    return new Expr.Constant(Value.of(Long.parseLong(t.text)));
                } catch (NumberFormatException e) {
                    throw new ParseProblem(t.offset, "bigint constant overflow: " + t.text);
                }
            }
            case DOUBLE -> {
                return new Expr.Constant(Value.of(Double.parseDouble(t.text)));
            }
            case VARIABLE -> {
                return new Expr.Variable(t.text);
            }
            case END -> throw new ParseProblem(t.offset, "the expression ends too early");
            default -> {
            }
        }
        if (t.is("(")) {
            Expr e = or();
            expect(")");
            return e;
        }
        if (t.is("null")) {
            return new Expr.Constant(Value.NULL);
        }
        if (t.is("true")) {
            return new Expr.Constant(Value.TRUE);
        }
        if (t.is("false")) {
            return new Expr.Constant(Value.FALSE);
        }
        if (t.is("case")) {
            return caseExpression(t);
        }
        if (t.kind == Kind.WORD) {
            if (!peek().is("(")) {
                throw new ParseProblem(t.offset, "'" + t.text + "' is neither a function call nor a variable (variables are written :"
                        + t.text + ")");
            }
            Function f = Function.named(t.text);
            if (f == null) {
                String lower = t.text.toLowerCase(Locale.ROOT);
                throw new ParseProblem(t.offset, lower.equals("permute")
                        ? "permute() is not supported by SnowPulse"
                        : "unexpected function name '" + t.text + "'");
            }
            at++;
            List<Expr> args = new ArrayList<>();
            if (!accept(")")) {
                do {
                    args.add(or());
                } while (accept(","));
                expect(")");
            }
            String problem = f.arityProblem(args.size());
            if (problem != null) {
                throw new ParseProblem(t.offset, problem);
            }
            if (args.size() == 1 && (f == Function.HASH || f == Function.HASH_MURMUR2 || f == Function.HASH_FNV1A)) {
                args.add(new Expr.Variable("default_seed"));
            }
            return new Expr.Call(f, List.copyOf(args));
        }
        throw new ParseProblem(t.offset, "syntax error at '" + t.text + "'");
    }

    private Expr caseExpression(Token start) {
        List<Expr> args = new ArrayList<>();
        while (accept("when")) {
            args.add(or());
            expect("then");
            args.add(or());
        }
        if (args.isEmpty()) {
            throw new ParseProblem(start.offset, "CASE needs at least one WHEN ... THEN ...");
        }
        args.add(accept("else") ? or() : new Expr.Constant(Value.NULL));
        expect("end");
        return new Expr.Call(Function.CASE, List.copyOf(args));
    }

    private static boolean identifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c > 127;
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                boolean isDouble = false;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i < s.length() && s.charAt(i) == '.') {
                    isDouble = true;
                    i++;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                        j++;
                    }
                    if (j < s.length() && Character.isDigit(s.charAt(j))) {
                        isDouble = true;
                        i = j;
                        while (i < s.length() && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    }
                }
                out.add(new Token(isDouble ? Kind.DOUBLE : Kind.INT, s.substring(start, i), start));
            } else if (c == ':') {
                i++;
                while (i < s.length() && identifierChar(s.charAt(i))) {
                    i++;
                }
                if (i == start + 1) {
                    throw new ParseProblem(start, "a variable name is expected after ':'");
                }
                out.add(new Token(Kind.VARIABLE, s.substring(start + 1, i), start));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < s.length() && identifierChar(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), start));
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (List.of("<=", ">=", "<>", "!=", "<<", ">>").contains(two)) {
                    out.add(new Token(Kind.OP, two, start));
                    i += 2;
                } else if ("+-*/%<>=&|#~(),".indexOf(c) >= 0) {
                    out.add(new Token(Kind.OP, String.valueOf(c), start));
                    i++;
                } else {
                    throw new ParseProblem(start, "unexpected character '" + c + "'");
                }
            }
        }
        out.add(new Token(Kind.END, "", s.length()));
        return out;
    }
}
