/** Places: where an item's work happens (find.ts), and the region and zone lists it reads with (lists.ts). */
export { findPlaces, QuoteTracker, type FoundPlace, type PlaceContext } from './find';
export { chainOfPlace, placeInfo, placeParent, type PlaceInfo } from './info';
export { COMMON_WORDS, EXTRA_PROVINCES, NOT_PLACES, REGIONS, ZONES, type Region, type Zone } from './lists';
