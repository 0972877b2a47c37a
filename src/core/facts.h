// Owns the facts that decide, as a detail page shows them and a tap says them: price, when,
// where, age and places, each a pictogram name and a few words in one language, and what a tap
// on one says in Dutch and in the visitor's language. Standard library only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "activity.h"
#include "speech.h"
#include "translations.h"
#include "words.h"

namespace brugpunt::core {

struct KeyFact {
    std::string field;        // "price", "when", "where", "age", "places"
    std::string heading_key;  // its block's heading, said first
    std::string picto;        // a pictogram name; "desk" for "vraag het aan de balie"
    std::string main;         // bold
    std::string extra;        // under it, may be empty
};

inline constexpr std::string_view kFactFields[] = {"price", "when", "where", "age", "places"};
bool IsFactField(std::string_view field);

// The pictogram of a status of places; the desk's when nobody said.
const char* StatusPictoName(const std::optional<Status>& status);

// The five facts in w's language, in this order on every page.
std::vector<KeyFact> KeyFacts(const Activity& a, const Date& today, const Words& w);

// Words said one after the other, each ending in a full stop.
std::string Sentences(std::initializer_list<const std::string*> parts);

// What a tap on a fact says: its heading and words in Dutch, and in the visitor's language where
// every word of it is there (theirs and w are null in Dutch).
Utterance FactSpeech(const KeyFact& dutch, const Words& nl, const KeyFact* theirs, const Words* w,
                     bool reviewed);

// The fact `field` of a, as a speaker says it in lang (Dutch when lang is nl or missing).
Utterance FactUtterance(const Activity& a, std::string_view field, const Date& today, const Translations& t,
                        const std::string& lang);

}  // namespace brugpunt::core
