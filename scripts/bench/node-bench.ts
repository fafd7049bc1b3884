// Figures measured in Node (pure core/ code). Prints one JSON object. Later issues add their keys here.
const figures: Record<string, number> = {};
console.log(JSON.stringify(figures));
