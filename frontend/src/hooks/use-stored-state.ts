import { useEffect, useState } from 'react'

/**
 * useState that keeps its value in localStorage under key, for view preferences such as the
 * tile size. A stored value that fails isValid is ignored.
 */
export function useStoredState<T>(
  key: string,
  initial: T,
  isValid: (value: unknown) => value is T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key)
      if (raw === null) return initial
      const parsed: unknown = JSON.parse(raw)
      return isValid(parsed) ? parsed : initial
    } catch {
      return initial
    }
  })

  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(value))
    } catch (err) {
      console.warn(`Could not save the ${key} preference`, err)
    }
  }, [key, value])

  return [value, setValue]
}
