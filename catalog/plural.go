package catalog

import (
	"regexp"
	"strings"
)

// gorm's NamingStrategy and bun name a model's table with github.com/jinzhu/inflection's Plural
// of the snake-cased struct name. Its rules, as data, in its order: a word that is uncountable
// stays, an irregular word's suffix is replaced, otherwise the last plural rule that matches
// wins. They are not the schoolbook ones: a word ending in "s" stays ("settings", "dns"), "bus",
// "alias", "status" and "-ss" words take "es", "man" anywhere at the end gives "men" ("human"
// is "humen"). contract/ compares Plural with the library.
var (
	pluralUncountable = []string{"equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "jeans", "police"}
	pluralIrregular   = [][2]string{
		{"person", "people"}, {"man", "men"}, {"child", "children"}, {"sex", "sexes"}, {"move", "moves"}, {"mombie", "mombies"},
	}
	pluralRules = [][2]string{
		{"([a-z])$", "${1}s"},
		{"s$", "s"},
		{"^(ax|test)is$", "${1}es"},
		{"(octop|vir)us$", "${1}i"},
		{"(octop|vir)i$", "${1}i"},
		{"(alias|status)$", "${1}es"},
		{"(bu)s$", "${1}ses"},
		{"(buffal|tomat)o$", "${1}oes"},
		{"([ti])um$", "${1}a"},
		{"([ti])a$", "${1}a"},
		{"sis$", "ses"},
		{"(?:([^f])fe|([lr])f)$", "${1}${2}ves"},
		{"(hive)$", "${1}s"},
		{"([^aeiouy]|qu)y$", "${1}ies"},
		{"(x|ch|ss|sh)$", "${1}es"},
		{"(matr|vert|ind)(?:ix|ex)$", "${1}ices"},
		{"^(m|l)ouse$", "${1}ice"},
		{"^(m|l)ice$", "${1}ice"},
		{"^(ox)$", "${1}en"},
		{"^(oxen)$", "${1}"},
		{"(quiz)$", "${1}zes"},
	}
	compiledPlural = compilePlural()
)

type pluralRule struct {
	re      *regexp.Regexp
	replace string
}

func compilePlural() []pluralRule {
	var out []pluralRule
	for _, w := range pluralUncountable {
		out = append(out, pluralRule{regexp.MustCompile("^(?i)(" + w + ")$"), "${1}"})
	}
	for _, ir := range pluralIrregular {
		out = append(out, pluralRule{regexp.MustCompile("(?i)" + ir[0] + "$"), ir[1]})
	}
	for i := len(pluralRules) - 1; i >= 0; i-- {
		out = append(out, pluralRule{regexp.MustCompile("(?i)" + pluralRules[i][0]), pluralRules[i][1]})
	}
	return out
}

// Plural is the table name gorm and bun give a model whose snake-cased name is name (lower
// case, as snake returns it): inflection.Plural(name).
func Plural(name string) string {
	name = strings.ToLower(name)
	for _, r := range compiledPlural {
		if r.re.MatchString(name) {
			return r.re.ReplaceAllString(name, r.replace)
		}
	}
	return name
}
