# Installation: headers (with the generated Passes.h.inc), the libraries with
# a CMake package (LutFoldConfig.cmake, LutFold:: targets), the tools and the
# mlir-opt plugin.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(LUTFOLD_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/LutFold)

set_target_properties(LutFoldNumerics PROPERTIES EXPORT_NAME Numerics)
set_target_properties(LutFoldTransforms PROPERTIES EXPORT_NAME Transforms)
foreach(target LutFoldNumerics LutFoldTransforms)
  target_include_directories(${target} INTERFACE
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
endforeach()

install(TARGETS LutFoldNumerics LutFoldTransforms
  EXPORT LutFoldTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT LutFoldTargets
  NAMESPACE LutFold::
  DESTINATION ${LUTFOLD_CMAKE_INSTALL_DIR})

install(DIRECTORY ${LUTFOLD_SOURCE_DIR}/include/lutfold
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h" PATTERN "*.def" PATTERN "*.td" PATTERN "CMakeFiles" EXCLUDE
  # The embedding API (Api/) needs the shared libMLIR.so; it serves the
  # Python package and is not installed yet.
  PATTERN "Api" EXCLUDE)
install(DIRECTORY ${LUTFOLD_BINARY_DIR}/include/lutfold
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h.inc" PATTERN "Version.h" PATTERN "CMakeFiles" EXCLUDE)

# The tools find LLVM's shared libraries where they were built against.
set_target_properties(lutfold-opt lutfold-table PROPERTIES
  INSTALL_RPATH "${LLVM_LIBRARY_DIR}")
install(TARGETS lutfold-opt lutfold-table
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET LutFoldPassPlugin)
  install(TARGETS LutFoldPassPlugin
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
endif()

configure_package_config_file(
  ${LUTFOLD_SOURCE_DIR}/cmake/LutFoldConfig.cmake.in
  ${LUTFOLD_BINARY_DIR}/cmake/LutFoldConfig.cmake
  INSTALL_DESTINATION ${LUTFOLD_CMAKE_INSTALL_DIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_LIBDIR CMAKE_INSTALL_BINDIR)
write_basic_package_version_file(
  ${LUTFOLD_BINARY_DIR}/cmake/LutFoldConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${LUTFOLD_BINARY_DIR}/cmake/LutFoldConfig.cmake
  ${LUTFOLD_BINARY_DIR}/cmake/LutFoldConfigVersion.cmake
  DESTINATION ${LUTFOLD_CMAKE_INSTALL_DIR})
